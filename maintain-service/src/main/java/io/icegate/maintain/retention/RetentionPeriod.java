package io.icegate.maintain.retention;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A retention period as an operator writes it: Prometheus' duration syntax ({@code 30d}, {@code
 * 2w}, {@code 1y}, {@code 36h}, {@code 1d12h}; units {@code y}=365 d, {@code w}, {@code d}, {@code
 * h}, {@code m}), as Loki's {@code retention_period} takes it. {@code 0} (or {@code 0d}) means keep
 * forever, as in Loki. Any other value must be at least one day: retention drops whole day
 * partitions, and a shorter period would only look like it works.
 *
 * @param text the value as written, shown back to operators
 * @param duration its length; zero for keep forever
 */
public record RetentionPeriod(String text, Duration duration) {
  static final Duration MINIMUM = Duration.ofDays(1);
  private static final Pattern WHOLE = Pattern.compile("(?:[0-9]+(?:y|w|d|h|m))+");
  private static final Pattern PART = Pattern.compile("([0-9]+)(y|w|d|h|m)");

  public RetentionPeriod {
    requireNonNull(text, "text is null");
    requireNonNull(duration, "duration is null");
  }

  /** Whether this period keeps data forever (no retention). */
  public boolean forever() {
    return duration.isZero();
  }

  /**
   * Parses a period.
   *
   * @throws IllegalArgumentException naming the value and what is expected
   */
  public static RetentionPeriod parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(
          "Invalid retention period '': expected a duration such as 30d, 2w or 36h (0 = forever)");
    }
    String trimmed = text.trim();
    if (trimmed.equals("0")) {
      return new RetentionPeriod(trimmed, Duration.ZERO);
    }
    if (!WHOLE.matcher(trimmed).matches()) {
      throw new IllegalArgumentException(
          "Invalid retention period '"
              + shorten(trimmed)
              + "': expected a duration such as 30d, 2w or 36h (units y, w, d, h, m; 0 = forever)");
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(trimmed);
    try {
      while (part.find()) {
        long amount = Long.parseLong(part.group(1));
        total =
            total.plus(
                switch (part.group(2)) {
                  case "y" -> Duration.ofDays(Math.multiplyExact(amount, 365));
                  case "w" -> Duration.ofDays(Math.multiplyExact(amount, 7));
                  case "d" -> Duration.ofDays(amount);
                  case "h" -> Duration.ofHours(amount);
                  default -> Duration.ofMinutes(amount);
                });
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid retention period '" + shorten(trimmed) + "': too long", e);
    }
    if (!total.isZero() && total.compareTo(MINIMUM) < 0) {
      throw new IllegalArgumentException(
          "Invalid retention period '"
              + trimmed
              + "': must be at least 1d (retention drops whole days), or 0 to keep forever");
    }
    return new RetentionPeriod(trimmed, total);
  }

  private static String shorten(String value) {
    return value.length() > 40 ? value.substring(0, 40) + "..." : value;
  }

  @Override
  public String toString() {
    return text;
  }
}
