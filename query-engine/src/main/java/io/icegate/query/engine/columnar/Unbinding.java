package io.icegate.query.engine.columnar;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.expressions.BoundPredicate;
import org.apache.iceberg.expressions.BoundReference;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.ExpressionVisitors;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.expressions.UnboundPredicate;

/**
 * A scan task's residual (bound to the table schema by Iceberg's planner) back in unbound form, so
 * it can be bound again to the columns a file reader evaluates it on. A predicate on anything but a
 * plain column reference (a transform) cannot be unbound here: the caller then uses the scan's
 * whole filter, which is always correct, only slower.
 */
final class Unbinding extends ExpressionVisitors.ExpressionVisitor<Expression> {
  private static final Unbinding INSTANCE = new Unbinding();

  static Expression unbind(Expression bound, Expression fallback) {
    try {
      return ExpressionVisitors.visit(bound, INSTANCE);
    } catch (UnsupportedOperationException e) {
      return fallback;
    }
  }

  @Override
  public Expression alwaysTrue() {
    return Expressions.alwaysTrue();
  }

  @Override
  public Expression alwaysFalse() {
    return Expressions.alwaysFalse();
  }

  @Override
  public Expression not(Expression result) {
    return Expressions.not(result);
  }

  @Override
  public Expression and(Expression left, Expression right) {
    return Expressions.and(left, right);
  }

  @Override
  public Expression or(Expression left, Expression right) {
    return Expressions.or(left, right);
  }

  @Override
  public <T> Expression predicate(BoundPredicate<T> pred) {
    if (!(pred.term() instanceof BoundReference<T> reference)) {
      throw new UnsupportedOperationException("Cannot unbind " + pred);
    }
    String name = reference.name();
    if (pred.isUnaryPredicate()) {
      return Expressions.predicate(pred.op(), name);
    }
    if (pred.isLiteralPredicate()) {
      return Expressions.predicate(pred.op(), name, pred.asLiteralPredicate().literal().value());
    }
    List<T> values = new ArrayList<>(pred.asSetPredicate().literalSet());
    return Expressions.predicate(pred.op(), name, values);
  }

  @Override
  public <T> Expression predicate(UnboundPredicate<T> pred) {
    return pred;
  }
}
