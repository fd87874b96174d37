package io.icegate.query.logql.ast;

/** Comparison of numeric, duration and bytes label filters ({@code =} and {@code ==} are EQ). */
public enum CompareOp {
  EQ("=="),
  NEQ("!="),
  GT(">"),
  GTE(">="),
  LT("<"),
  LTE("<=");

  private final String symbol;

  CompareOp(String symbol) {
    this.symbol = symbol;
  }

  /** The canonical operator as written in LogQL. */
  public String symbol() {
    return symbol;
  }

  /** Applies the comparison to two numbers. */
  public boolean test(double left, double right) {
    switch (this) {
      case EQ:
        return left == right;
      case NEQ:
        return left != right;
      case GT:
        return left > right;
      case GTE:
        return left >= right;
      case LT:
        return left < right;
      case LTE:
        return left <= right;
      default:
        throw new AssertionError(this);
    }
  }
}
