package io.icegate.ingest.otlp;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * OTLP times ({@code fixed64} nanoseconds since the epoch) as the lake stores them: a {@code
 * timestamptz} of microseconds plus the 0–999 nanoseconds within that microsecond.
 */
final class UnixNanos {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private UnixNanos() {}

  /** The time truncated to microseconds, in UTC. */
  static OffsetDateTime micros(long unixNanos, String field) {
    // fixed64 is unsigned: a "negative" long is a time after 2262, which no timestamp column holds.
    if (unixNanos < 0) {
      throw new RecordRejectedException(
          field + " " + Long.toUnsignedString(unixNanos) + " is beyond year 2262");
    }
    long seconds = unixNanos / NANOS_PER_SECOND;
    long nanos = unixNanos % NANOS_PER_SECOND;
    return Instant.ofEpochSecond(seconds, nanos - nanos % 1000).atOffset(ZoneOffset.UTC);
  }

  /** The time in microseconds, or null when OTLP sent 0 ("unknown"). */
  static OffsetDateTime microsOrNull(long unixNanos, String field) {
    return unixNanos == 0 ? null : micros(unixNanos, field);
  }

  static int nanosWithinMicro(long unixNanos) {
    return (int) (unixNanos % 1000);
  }

  /** An instant as OTLP nanoseconds (used for the receive time). */
  static long of(Instant instant) {
    return Math.addExact(
        Math.multiplyExact(instant.getEpochSecond(), NANOS_PER_SECOND), instant.getNano());
  }
}
