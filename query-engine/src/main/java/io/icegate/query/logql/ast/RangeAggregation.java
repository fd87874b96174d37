package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * {@code op([φ,] logRange) [by|without (...)]}, e.g. {@code rate({a="b"}[5m])}. The parser enforces
 * Loki's rules ({@link RangeOp}): unwrap required or forbidden, grouping and parameter allowed.
 */
public record RangeAggregation(
    RangeOp op, LogRange range, Optional<Double> parameter, Optional<GroupingExpr> grouping)
    implements SampleExpr {
  public RangeAggregation {
    requireNonNull(op, "op is null");
    requireNonNull(range, "range is null");
    requireNonNull(parameter, "parameter is null");
    requireNonNull(grouping, "grouping is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.format(this);
  }
}
