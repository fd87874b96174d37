package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * {@code left op [bool] [on|ignoring (...)] [group_left|group_right (...)] right}. {@code
 * returnBool} only on comparisons; {@code matching} absent means default one-to-one matching on all
 * labels. Literal operands are not folded, so the tree mirrors the text.
 */
public record BinaryOperation(
    BinaryOp op,
    SampleExpr left,
    SampleExpr right,
    boolean returnBool,
    Optional<VectorMatchingExpr> matching)
    implements SampleExpr {
  public BinaryOperation {
    requireNonNull(op, "op is null");
    requireNonNull(left, "left is null");
    requireNonNull(right, "right is null");
    requireNonNull(matching, "matching is null");
  }

  /** {@code left op right} with default matching and no {@code bool}. */
  public static BinaryOperation of(BinaryOp op, SampleExpr left, SampleExpr right) {
    return new BinaryOperation(op, left, right, false, Optional.empty());
  }

  @Override
  public String toString() {
    return LogQLFormatter.format(this);
  }
}
