package io.icegate.query.logql.ast;

/** The line filter operators: substring, regular expression and pattern, each with its negation. */
public enum LineFilterOp {
  CONTAINS("|="),
  NOT_CONTAINS("!="),
  MATCH("|~"),
  NOT_MATCH("!~"),
  PATTERN("|>"),
  NOT_PATTERN("!>");

  private final String symbol;

  LineFilterOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in LogQL. */
  public String symbol() {
    return symbol;
  }

  /** True for the operators that keep lines that do not match. */
  public boolean isNegated() {
    return this == NOT_CONTAINS || this == NOT_MATCH || this == NOT_PATTERN;
  }
}
