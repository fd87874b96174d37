package io.icegate.query.logql.parse;

import io.icegate.query.logql.ast.BinaryOp;
import io.icegate.query.logql.ast.BinaryOperation;
import io.icegate.query.logql.ast.Expr;
import io.icegate.query.logql.ast.Literal;
import io.icegate.query.logql.ast.LogSelector;
import io.icegate.query.logql.ast.SampleExpr;
import io.icegate.query.logql.ast.VectorMatchingExpr;
import java.util.Locale;
import java.util.Optional;

/**
 * Loki's checks when it builds a binary operation, and its folding of two literals into one ({@code
 * 1 + 1} is {@code 2}, {@code 1 < 2} is {@code 1}), so no operation has two literal legs.
 */
final class BinaryRules {
  private BinaryRules() {}

  static SampleExpr combine(
      BinaryOp op,
      Expr left,
      Expr right,
      boolean returnBool,
      Optional<VectorMatchingExpr> matching) {
    SampleExpr l = sample(op, left, "left");
    SampleExpr r = sample(op, right, "right");
    if (returnBool && !op.isComparison()) {
      throw LogQLParseException.semantic("bool modifier can only be used on comparison operators");
    }
    if (op.isSetOperator()) {
      checkNotLiteral(op, l, "left");
      checkNotLiteral(op, r, "right");
      if (matching.isPresent()
          && matching.get().cardinality() != VectorMatchingExpr.Cardinality.ONE_TO_ONE) {
        throw LogQLParseException.semantic(
            "no grouping allowed for \"" + op.symbol() + "\" operation");
      }
    }
    if (l instanceof Literal && r instanceof Literal) {
      double folded = fold(op, ((Literal) l).value(), ((Literal) r).value());
      // Folding to Inf/NaN would leave a literal no query text can write; keep the operation.
      if (Double.isFinite(folded)) {
        return new Literal(folded);
      }
    }
    return new BinaryOperation(op, l, r, returnBool, matching);
  }

  private static SampleExpr sample(BinaryOp op, Expr expr, String leg) {
    if (expr instanceof SampleExpr) {
      return (SampleExpr) expr;
    }
    String type =
        ((LogSelector) expr).pipeline().isEmpty() ? "*syntax.MatchersExpr" : "*syntax.PipelineExpr";
    throw LogQLParseException.semantic(
        "unexpected type for " + leg + " leg of binary operation (" + op.symbol() + "): " + type);
  }

  private static void checkNotLiteral(BinaryOp op, SampleExpr leg, String side) {
    if (leg instanceof Literal) {
      throw LogQLParseException.semantic(
          String.format(
              Locale.ROOT,
              "unexpected literal for %s leg of logical/set binary operation (%s): %f",
              side,
              op.symbol(),
              ((Literal) leg).value()));
    }
  }

  /** Scalar arithmetic as Prometheus does it; comparisons of two scalars give 1 or 0. */
  static double fold(BinaryOp op, double a, double b) {
    switch (op) {
      case ADD:
        return a + b;
      case SUB:
        return a - b;
      case MUL:
        return a * b;
      case DIV:
        return a / b;
      case MOD:
        return a % b;
      case POW:
        return Math.pow(a, b);
      case EQ:
        return a == b ? 1 : 0;
      case NEQ:
        return a != b ? 1 : 0;
      case GT:
        return a > b ? 1 : 0;
      case GTE:
        return a >= b ? 1 : 0;
      case LT:
        return a < b ? 1 : 0;
      case LTE:
        return a <= b ? 1 : 0;
      default:
        throw new IllegalArgumentException("Cannot fold set operator " + op);
    }
  }
}
