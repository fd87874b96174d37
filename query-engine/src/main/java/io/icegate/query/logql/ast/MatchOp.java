package io.icegate.query.logql.ast;

/**
 * How a label matcher compares a label's value: equality or a fully anchored regular expression.
 */
public enum MatchOp {
  EQ("="),
  NEQ("!="),
  RE("=~"),
  NRE("!~");

  private final String symbol;

  MatchOp(String symbol) {
    this.symbol = symbol;
  }

  /** The operator as written in LogQL. */
  public String symbol() {
    return symbol;
  }

  /** True for {@code =~} and {@code !~}. */
  public boolean isRegex() {
    return this == RE || this == NRE;
  }

  /** True for {@code !=} and {@code !~}. */
  public boolean isNegated() {
    return this == NEQ || this == NRE;
  }
}
