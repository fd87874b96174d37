package io.icegate.query.series;

import java.util.Locale;

/** The binary operators PromQL and LogQL share. */
public enum BinaryOperator {
  ADD("+", Kind.ARITHMETIC),
  SUB("-", Kind.ARITHMETIC),
  MUL("*", Kind.ARITHMETIC),
  DIV("/", Kind.ARITHMETIC),
  MOD("%", Kind.ARITHMETIC),
  POW("^", Kind.ARITHMETIC),
  ATAN2("atan2", Kind.ARITHMETIC),
  EQ("==", Kind.COMPARISON),
  NE("!=", Kind.COMPARISON),
  GT(">", Kind.COMPARISON),
  GE(">=", Kind.COMPARISON),
  LT("<", Kind.COMPARISON),
  LE("<=", Kind.COMPARISON),
  AND("and", Kind.SET),
  OR("or", Kind.SET),
  UNLESS("unless", Kind.SET);

  /** Arithmetic and comparison operators work on values; set operators only on label sets. */
  public enum Kind {
    ARITHMETIC,
    COMPARISON,
    SET
  }

  private final String symbol;
  private final Kind kind;

  BinaryOperator(String symbol, Kind kind) {
    this.symbol = symbol;
    this.kind = kind;
  }

  public String symbol() {
    return symbol;
  }

  public Kind kind() {
    return kind;
  }

  public boolean isComparison() {
    return kind == Kind.COMPARISON;
  }

  public boolean isSet() {
    return kind == Kind.SET;
  }

  /** The operator written as in a query ({@code "+"}, {@code "and"}, ...). */
  public static BinaryOperator fromSymbol(String symbol) {
    String s = symbol.toLowerCase(Locale.ROOT);
    for (BinaryOperator op : values()) {
      if (op.symbol.equals(s)) {
        return op;
      }
    }
    throw new IllegalArgumentException("Unknown binary operator: " + symbol);
  }

  /**
   * Arithmetic: the result. Comparison: 1 when it holds, else 0 (callers decide between filtering
   * and {@code bool}). Division and modulo by zero follow the dialect.
   */
  public double apply(double left, double right, Dialect dialect) {
    return switch (this) {
      case ADD -> left + right;
      case SUB -> left - right;
      case MUL -> left * right;
      case DIV -> right == 0 && dialect.divisionByZeroIsNaN() ? Double.NaN : left / right;
      case MOD -> right == 0 ? Double.NaN : left % right;
      case POW -> goPow(left, right);
      case ATAN2 -> Math.atan2(left, right);
      case EQ -> left == right ? 1 : 0;
      case NE -> left != right ? 1 : 0;
      case GT -> left > right ? 1 : 0;
      case GE -> left >= right ? 1 : 0;
      case LT -> left < right ? 1 : 0;
      case LE -> left <= right ? 1 : 0;
      case AND, OR, UNLESS ->
          throw new IllegalStateException("Cannot apply set operator " + symbol + " to values");
    };
  }

  /** Go's {@code math.Pow}: differs from Java's for base 1 and base -1 with infinite exponent. */
  private static double goPow(double x, double y) {
    if (x == 1 || y == 0) {
      return 1;
    }
    if (x == -1 && Double.isInfinite(y)) {
      return 1;
    }
    return Math.pow(x, y);
  }
}
