package io.icegate.query.logql.parse;

/** Number literals as Loki reads them ({@code strconv.ParseFloat}). */
final class Numbers {
  private Numbers() {}

  static double parse(Token t, boolean negate) {
    double value;
    try {
      value = Double.parseDouble(t.text());
    } catch (NumberFormatException e) {
      throw syntax(t, "invalid syntax");
    }
    if (Double.isInfinite(value)) {
      throw syntax(t, "value out of range");
    }
    return negate ? -value : value;
  }

  private static LogQLParseException syntax(Token t, String reason) {
    return LogQLParseException.semantic(
        "unable to parse literal as a float: strconv.ParseFloat: parsing \""
            + t.text()
            + "\": "
            + reason);
  }
}
