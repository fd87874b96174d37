package io.icegate.rules.model;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus duration strings ({@code model.ParseDuration}): units y, w, d, h, m, s, ms, each at
 * most once and in that order ({@code 1h30m}), or a bare {@code 0}.
 */
public final class PromDuration {
  private static final Pattern FORMAT =
      Pattern.compile(
          "(?:([0-9]+)y)?(?:([0-9]+)w)?(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?(?:([0-9]+)ms)?");
  private static final long[] UNIT_MILLIS = {
    365L * 24 * 3600 * 1000, 7L * 24 * 3600 * 1000, 24L * 3600 * 1000, 3600_000L, 60_000L, 1000L, 1L
  };

  private PromDuration() {}

  /** The duration, or empty when {@code text} is not a Prometheus duration (or overflows). */
  public static Optional<Duration> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    if (text.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher matcher = FORMAT.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    long millis = 0;
    try {
      for (int i = 0; i < UNIT_MILLIS.length; i++) {
        String count = matcher.group(i + 1);
        if (count != null) {
          millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(count), UNIT_MILLIS[i]));
        }
      }
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofMillis(millis));
  }
}
