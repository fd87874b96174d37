package io.icegate.query.logql.pipeline;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Go's number, duration and byte-size parsing as Loki uses it ({@code strconv.ParseFloat}, {@code
 * time.ParseDuration}, go-humanize's {@code ParseBytes}), with Go's error wording. Each throws
 * {@link NumberFormatException}.
 */
public final class GoNumbers {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9][0-9_]*(?:\\.[0-9_]*)?|\\.[0-9][0-9_]*)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern SPECIAL = Pattern.compile("[+-]?(?i:inf|infinity|nan)");

  private GoNumbers() {}

  /** {@code strconv.ParseFloat(s, 64)} for decimal and special values. */
  public static double parseFloat(String s) {
    if (DECIMAL.matcher(s).matches() && !s.contains("_")) {
      return Double.parseDouble(s);
    }
    if (SPECIAL.matcher(s).matches()) {
      String lower = s.toLowerCase(Locale.ROOT);
      if (lower.endsWith("nan")) {
        return Double.NaN;
      }
      return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
    throw new NumberFormatException("strconv.ParseFloat: parsing " + quote(s) + ": invalid syntax");
  }

  /** {@code time.ParseDuration}: nanoseconds of {@code [-+]?([0-9]*(\.[0-9]*)?[a-z]+)+}. */
  public static long parseDuration(String s) {
    String orig = s;
    int i = 0;
    boolean negative = false;
    if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
      negative = s.charAt(i) == '-';
      i++;
    }
    if (s.substring(i).equals("0")) {
      return 0;
    }
    if (i == s.length()) {
      throw invalidDuration(orig);
    }
    BigDecimal total = BigDecimal.ZERO;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalidDuration(orig);
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      long scale =
          switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            case "" ->
                throw new NumberFormatException("time: missing unit in duration " + quote(orig));
            default ->
                throw new NumberFormatException(
                    "time: unknown unit " + quote(unit) + " in duration " + quote(orig));
          };
      total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(scale)));
    }
    if (total.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw invalidDuration(orig);
    }
    long nanos = total.longValue();
    return negative ? -nanos : nanos;
  }

  private static NumberFormatException invalidDuration(String s) {
    return new NumberFormatException("time: invalid duration " + quote(s));
  }

  /** go-humanize {@code ParseBytes}: {@code 42}, {@code 1.5 KB} (1000), {@code 2KiB} (1024). */
  public static long parseBytes(String s) {
    int last = 0;
    boolean comma = false;
    while (last < s.length()) {
      char c = s.charAt(last);
      if (!(Character.isDigit(c) || c == '.' || c == ',')) {
        break;
      }
      comma |= c == ',';
      last++;
    }
    String number = s.substring(0, last);
    if (comma) {
      number = number.replace(",", "");
    }
    double value;
    try {
      value = parseFloat(number);
    } catch (NumberFormatException e) {
      throw new NumberFormatException(
          "strconv.ParseFloat: parsing " + quote(number) + ": invalid syntax");
    }
    String unit = s.substring(last).trim().toLowerCase(Locale.ROOT);
    double multiplier = byteUnit(unit);
    if (multiplier < 0) {
      throw new NumberFormatException("unhandled size name: " + unit);
    }
    double bytes = value * multiplier;
    if (bytes >= 0x1p64) {
      throw new NumberFormatException("too large: " + s);
    }
    return new BigDecimal(bytes).toBigInteger().longValue();
  }

  private static double byteUnit(String unit) {
    String[] si = {"", "k", "m", "g", "t", "p", "e"};
    if (unit.equals("b") || unit.isEmpty()) {
      return 1;
    }
    for (int i = 1; i < si.length; i++) {
      if (unit.equals(si[i]) || unit.equals(si[i] + "b")) {
        return Math.pow(1000, i);
      }
      if (unit.equals(si[i] + "i") || unit.equals(si[i] + "ib")) {
        return Math.pow(1024, i);
      }
    }
    return -1;
  }

  /** Go's {@code %q} for simple strings (quotes and backslashes escaped). */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
