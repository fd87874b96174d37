package io.icegate.query.logql.pipeline;

/** The comparison of a numeric, duration or bytes label filter. */
public enum ComparisonOp {
  EQ("=="),
  NEQ("!="),
  GT(">"),
  GTE(">="),
  LT("<"),
  LTE("<=");

  private final String symbol;

  ComparisonOp(String symbol) {
    this.symbol = symbol;
  }

  public String symbol() {
    return symbol;
  }

  /** Applies the comparison: {@code value op reference}. */
  public boolean test(double value, double reference) {
    return switch (this) {
      case EQ -> value == reference;
      case NEQ -> value != reference;
      case GT -> value > reference;
      case GTE -> value >= reference;
      case LT -> value < reference;
      case LTE -> value <= reference;
    };
  }

  public boolean test(long value, long reference) {
    return switch (this) {
      case EQ -> value == reference;
      case NEQ -> value != reference;
      case GT -> value > reference;
      case GTE -> value >= reference;
      case LT -> value < reference;
      case LTE -> value <= reference;
    };
  }

  /** The operator for a LogQL symbol; {@code =} is accepted for {@code ==}. */
  public static ComparisonOp of(String symbol) {
    if ("=".equals(symbol)) {
      return EQ;
    }
    for (ComparisonOp op : values()) {
      if (op.symbol.equals(symbol)) {
        return op;
      }
    }
    throw new IllegalArgumentException("Invalid comparison operator: " + symbol);
  }
}
