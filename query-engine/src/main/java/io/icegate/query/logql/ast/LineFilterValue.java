package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/**
 * One operand of a line filter: a string (substring, regex or pattern, by the filter's operator)
 * or, when {@code ip} is true, the argument of {@code ip("...")} (an address, range or CIDR).
 */
public record LineFilterValue(String value, boolean ip) {
  public LineFilterValue {
    requireNonNull(value, "value is null");
  }

  /** A plain string operand. */
  public static LineFilterValue of(String value) {
    return new LineFilterValue(value, false);
  }

  /** An {@code ip("...")} operand. */
  public static LineFilterValue ip(String value) {
    return new LineFilterValue(value, true);
  }
}
