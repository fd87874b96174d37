package io.icegate.query.http.loki;

import io.icegate.query.loki.LokiBadRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times and durations of Loki's HTTP parameters, parsed as Loki's {@code parseTimestamp} and {@code
 * parseSecondsOrDuration} do: RFC3339; a number with a dot as float seconds (nanoseconds when above
 * 1e10); an integer up to 1e10 as seconds, above as nanoseconds. Times are nanoseconds since the
 * epoch.
 */
public final class LokiTime {
  private static final Pattern DURATION =
      Pattern.compile(
          "(?:(\\d+)y)?(?:(\\d+)w)?(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?(?:(\\d+)ms)?");
  // Go's ParseFloat syntax, without Java's "1d"/"1f" suffixes.
  private static final Pattern SECONDS =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final long[] UNIT_NANOS = {
    365L * 86_400_000_000_000L,
    7L * 86_400_000_000_000L,
    86_400_000_000_000L,
    3_600_000_000_000L,
    60_000_000_000L,
    1_000_000_000L,
    1_000_000L
  };

  /** One hour: Loki's default look-back ({@code since}) of queries. */
  public static final long HOUR_NANOS = 3_600_000_000_000L;

  private LokiTime() {}

  /** A time parameter in nanoseconds. */
  public static long parseTime(String name, String value) {
    try {
      OffsetDateTime time = OffsetDateTime.parse(value);
      Instant instant = time.toInstant();
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    } catch (DateTimeParseException | ArithmeticException e) {
      // not RFC3339: a number
    }
    try {
      if (value.contains(".")) {
        double seconds = Double.parseDouble(value);
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
          throw bad(name, value);
        }
        BigDecimal exact = new BigDecimal(value.trim());
        if (exact.abs().compareTo(BigDecimal.valueOf(1e10)) > 0) {
          return exact.setScale(0, RoundingMode.DOWN).longValueExact();
        }
        // Loki rounds the fraction to milliseconds.
        return exact.setScale(3, RoundingMode.HALF_UP).movePointRight(9).longValueExact();
      }
      long number = Long.parseLong(value);
      return number <= 10_000_000_000L ? Math.multiplyExact(number, 1_000_000_000L) : number;
    } catch (NumberFormatException | ArithmeticException e) {
      throw bad(name, value);
    }
  }

  /** A duration parameter ({@code 5m}, {@code 1h30m}, {@code 15}, {@code 0.5}) in nanoseconds. */
  public static long parseDuration(String name, String value) {
    try {
      if (!SECONDS.matcher(value).matches()) {
        throw new NumberFormatException(value);
      }
      double seconds = Double.parseDouble(value);
      double nanos = seconds * 1e9;
      if (Double.isNaN(nanos) || nanos > Long.MAX_VALUE || nanos < Long.MIN_VALUE) {
        throw overflow(name, value);
      }
      return (long) nanos;
    } catch (NumberFormatException e) {
      // not plain seconds
    }
    Matcher m = DURATION.matcher(value);
    if (value.isEmpty() || !m.matches()) {
      throw new LokiBadRequestException(
          "invalid parameter '" + name + "': cannot parse \"" + value + "\" to a valid duration");
    }
    long total = 0;
    try {
      for (int g = 1; g <= UNIT_NANOS.length; g++) {
        if (m.group(g) != null) {
          total =
              Math.addExact(
                  total, Math.multiplyExact(Long.parseLong(m.group(g)), UNIT_NANOS[g - 1]));
        }
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw overflow(name, value);
    }
    return total;
  }

  /** The wall clock in nanoseconds since the epoch: the default {@code end} and {@code time}. */
  public static long nowNanos() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000_000L + now.getNano();
  }

  static Duration toDuration(long nanos) {
    return Duration.ofNanos(nanos);
  }

  private static LokiBadRequestException overflow(String name, String value) {
    return new LokiBadRequestException(
        "invalid parameter '"
            + name
            + "': cannot parse \""
            + value
            + "\" to a valid duration. It overflows int64");
  }

  private static LokiBadRequestException bad(String name, String value) {
    return new LokiBadRequestException(
        "invalid parameter '"
            + name
            + "': cannot parse \""
            + value
            + "\" as a time (integer nanoseconds or seconds, float seconds, or RFC3339)");
  }
}
