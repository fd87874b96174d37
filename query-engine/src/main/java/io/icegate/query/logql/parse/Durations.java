package io.icegate.query.logql.parse;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The two duration syntaxes LogQL reads: Prometheus' ({@code 1h30m}, {@code 2d}, {@code 1w}, {@code
 * 1y}; whole numbers, units in decreasing order, used for {@code [range]}) and Go's {@code
 * time.ParseDuration} ({@code 1.5h}, {@code 300us}, {@code -2m}). Like Loki, {@link #parse} tries
 * Prometheus' first and falls back to Go's (offsets, label filters, {@code duration()} unwrap).
 */
public final class Durations {
  private static final List<String> PROMETHEUS_UNITS = List.of("y", "w", "d", "h", "m", "s", "ms");
  private static final long[] PROMETHEUS_UNIT_MILLIS = {
    365L * 24 * 3600_000, 7L * 24 * 3600_000, 24L * 3600_000, 3600_000, 60_000, 1000, 1
  };
  private static final long NANOS_PER_MILLI = 1_000_000L;

  private Durations() {}

  /** Prometheus' syntax, then Go's; throws {@link IllegalArgumentException} naming the text. */
  public static Duration parse(String text) {
    try {
      return parsePrometheus(text);
    } catch (IllegalArgumentException e) {
      return parseGo(text);
    }
  }

  /**
   * Prometheus' {@code model.ParseDuration}: {@code 0}, or {@code [Ny][Nw][Nd][Nh][Nm][Ns][Nms]}
   * with whole numbers, each unit at most once and in this order.
   */
  public static Duration parsePrometheus(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty duration string");
    }
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    long millis = 0;
    int lastUnit = -1;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && Character.isDigit(text.charAt(i))) {
        i++;
      }
      if (i == start) {
        throw new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
      }
      String digits = text.substring(start, i);
      int unitStart = i;
      while (i < text.length() && !Character.isDigit(text.charAt(i))) {
        i++;
      }
      String unit = text.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("missing unit in duration \"" + text + "\"");
      }
      int index = PROMETHEUS_UNITS.indexOf(unit);
      if (index < 0) {
        throw new IllegalArgumentException(
            "unknown unit \"" + unit + "\" in duration \"" + text + "\"");
      }
      if (index <= lastUnit) {
        throw new IllegalArgumentException("not a valid duration string: \"" + text + "\"");
      }
      lastUnit = index;
      try {
        millis =
            Math.addExact(
                millis, Math.multiplyExact(Long.parseLong(digits), PROMETHEUS_UNIT_MILLIS[index]));
      } catch (ArithmeticException | NumberFormatException e) {
        throw new IllegalArgumentException("duration out of range: \"" + text + "\"", e);
      }
    }
    try {
      return Duration.ofNanos(Math.multiplyExact(millis, NANOS_PER_MILLI));
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration out of range: \"" + text + "\"", e);
    }
  }

  /** Go's {@code time.ParseDuration}: signed sequence of decimal numbers with units ns..h. */
  public static Duration parseGo(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
    BigDecimal nanos = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
      }
      long unitNanos = goUnitNanos(unit, text);
      nanos = nanos.add(new BigDecimal(number).multiply(BigDecimal.valueOf(unitNanos)));
    }
    if (nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("time: invalid duration \"" + text + "\"");
    }
    long value = nanos.longValue(); // Go truncates fractions of a nanosecond
    return Duration.ofNanos(negative ? -value : value);
  }

  private static long goUnitNanos(String unit, String text) {
    switch (unit) {
      case "ns":
        return 1;
      case "us":
      case "\u00b5s":
      case "\u03bcs":
        return 1_000;
      case "ms":
        return NANOS_PER_MILLI;
      case "s":
        return 1_000_000_000L;
      case "m":
        return 60_000_000_000L;
      case "h":
        return 3600_000_000_000L;
      default:
        throw new IllegalArgumentException(
            "time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
    }
  }

  /**
   * Formats a duration so {@link #parse} reads it back exactly: Prometheus units ({@code 1d2h},
   * {@code 500ms}) when it is a whole number of milliseconds, else Go units down to {@code ns}.
   */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    if (duration.isNegative()) {
      return "-" + goFormat(duration.negated());
    }
    long nanos = duration.toNanos();
    if (nanos % NANOS_PER_MILLI != 0) {
      return goFormat(duration);
    }
    long millis = nanos / NANOS_PER_MILLI;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < PROMETHEUS_UNITS.size(); i++) {
      long count = millis / PROMETHEUS_UNIT_MILLIS[i];
      if (count > 0) {
        out.append(count).append(PROMETHEUS_UNITS.get(i));
        millis -= count * PROMETHEUS_UNIT_MILLIS[i];
      }
    }
    return out.toString();
  }

  /** Go units only (read by Go's parser): h, m, s, ms, us, ns. */
  private static String goFormat(Duration duration) {
    long nanos = duration.toNanos();
    long[] unitNanos = {
      3600_000_000_000L, 60_000_000_000L, 1_000_000_000L, NANOS_PER_MILLI, 1000, 1
    };
    String[] units = {"h", "m", "s", "ms", "us", "ns"};
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < units.length; i++) {
      long count = nanos / unitNanos[i];
      if (count > 0) {
        out.append(count).append(units[i]);
        nanos -= count * unitNanos[i];
      }
    }
    return out.toString();
  }
}
