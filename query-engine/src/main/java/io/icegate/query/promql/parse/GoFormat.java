package io.icegate.query.promql.parse;

import java.math.BigDecimal;

/** Float formatting as Go's strconv does it, for messages and labels that must match Prometheus. */
public final class GoFormat {
  private GoFormat() {}

  /** {@code strconv.FormatFloat(f, 'f', -1, 64)}. */
  public static String f(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  /** {@code strconv.FormatFloat(f, 'g', -1, 64)}, what {@code %g} and {@code %v} print. */
  public static String g(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v == 0) {
      return (1 / v < 0) ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(Double.toString(v)).stripTrailingZeros();
    int exp = bd.precision() - bd.scale() - 1;
    if (exp < -4 || exp >= 21) {
      String digits = bd.unscaledValue().abs().toString();
      StringBuilder sb = new StringBuilder();
      if (v < 0) {
        sb.append('-');
      }
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(exp < 0 ? '-' : '+');
      int a = Math.abs(exp);
      if (a < 10) {
        sb.append('0');
      }
      sb.append(a);
      return sb.toString();
    }
    return bd.toPlainString();
  }

  /** Go's {@code %q} of a string whose undecodable bytes are kept as U+DC80..U+DCFF. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xDC80 && c <= 0xDCFF && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)))) {
        sb.append(String.format("\\x%02x", c & 0xFF));
      } else if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c == '\n') {
        sb.append("\\n");
      } else if (c == '\t') {
        sb.append("\\t");
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
