package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A line filter {@code |= "a" or "b"}: the alternatives joined by {@code or} share the operator. A
 * positive filter keeps a line matching any alternative; a negated one ({@code != "a" or "b"})
 * keeps a line matching none (Loki's semantics). Chained filters are separate stages.
 */
public record LineFilterExpr(LineFilterOp op, List<LineFilterValue> values)
    implements PipelineStage {
  public LineFilterExpr {
    requireNonNull(op, "op is null");
    values = List.copyOf(requireNonNull(values, "values is null"));
    if (values.isEmpty()) {
      throw new IllegalArgumentException("Line filter without a value");
    }
  }

  /** A filter with one string operand. */
  public static LineFilterExpr of(LineFilterOp op, String value) {
    return new LineFilterExpr(op, List.of(LineFilterValue.of(value)));
  }

  @Override
  public String toString() {
    return LogQLFormatter.stage(this);
  }
}
