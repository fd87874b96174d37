package io.icegate.query.logql.ast;

/** Binary operators in increasing precedence order, as in PromQL ({@code ^} is right-assoc). */
public enum BinaryOp {
  OR("or", 1),
  AND("and", 2),
  UNLESS("unless", 2),
  EQ("==", 3),
  NEQ("!=", 3),
  GT(">", 3),
  GTE(">=", 3),
  LT("<", 3),
  LTE("<=", 3),
  ADD("+", 4),
  SUB("-", 4),
  MUL("*", 5),
  DIV("/", 5),
  MOD("%", 5),
  POW("^", 6);

  private final String symbol;
  private final int precedence;

  BinaryOp(String symbol, int precedence) {
    this.symbol = symbol;
    this.precedence = precedence;
  }

  public String symbol() {
    return symbol;
  }

  /** Higher binds tighter. */
  public int precedence() {
    return precedence;
  }

  public boolean isRightAssociative() {
    return this == POW;
  }

  /** {@code == != > >= < <=}: filter, or return 0/1 with {@code bool}. */
  public boolean isComparison() {
    return precedence == 3;
  }

  /** {@code and or unless}: many-to-many set operations. */
  public boolean isSetOperator() {
    return this == OR || this == AND || this == UNLESS;
  }
}
