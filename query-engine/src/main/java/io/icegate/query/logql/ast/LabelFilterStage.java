package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/** {@code | <label filter>}: drops lines whose labels do not satisfy the predicate. */
public record LabelFilterStage(LabelFilterExpr filter) implements PipelineStage {
  public LabelFilterStage {
    requireNonNull(filter, "filter is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.stage(this);
  }
}
