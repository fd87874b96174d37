package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * {@code op [by|without (...)] ([k,] expr)}, e.g. {@code topk(10, sum by (app) (...))}. {@code
 * parameter} is k for topk/bottomk (a positive integer) and absent otherwise.
 */
public record VectorAggregation(
    VectorOp op, SampleExpr inner, Optional<GroupingExpr> grouping, Optional<Integer> parameter)
    implements SampleExpr {
  public VectorAggregation {
    requireNonNull(op, "op is null");
    requireNonNull(inner, "inner is null");
    requireNonNull(grouping, "grouping is null");
    requireNonNull(parameter, "parameter is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.format(this);
  }
}
