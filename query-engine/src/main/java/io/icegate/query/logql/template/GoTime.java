package io.icegate.query.logql.template;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Go's {@code time.Time} in templates: an instant and the zone it is shown in. */
public record GoTime(Instant instant, ZoneId zone) {
  /** Go's zero time, {@code 0001-01-01 00:00:00 +0000 UTC}, what failed parses return. */
  public static final GoTime ZERO =
      new GoTime(Instant.parse("0001-01-01T00:00:00Z"), ZoneOffset.UTC);

  public GoTime {
    requireNonNull(instant, "instant is null");
    requireNonNull(zone, "zone is null");
  }

  public static GoTime ofEpochNanos(long nanos) {
    return new GoTime(
        Instant.ofEpochSecond(
            Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L)),
        ZoneOffset.UTC);
  }

  public ZonedDateTime dateTime() {
    return instant.atZone(zone);
  }

  public long unixSeconds() {
    return instant.getEpochSecond();
  }

  public long unixMillis() {
    return Math.floorDiv(instant.getEpochSecond(), 1L) * 1000L + instant.getNano() / 1_000_000;
  }

  public long unixNanos() {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  /** Go's {@code Time.String()}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}. */
  @Override
  public String toString() {
    return GoTimeLayout.format(this, "2006-01-02 15:04:05.999999999 -0700 MST");
  }
}
