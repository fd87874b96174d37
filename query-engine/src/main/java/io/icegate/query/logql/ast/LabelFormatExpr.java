package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * {@code | label_format a=b, c="{{.x}}"}: renames and templated assignments, all evaluated against
 * the labels as they were before the stage. Loki rejects a label assigned twice.
 */
public record LabelFormatExpr(List<LabelFormatOp> ops) implements PipelineStage {
  public LabelFormatExpr {
    ops = List.copyOf(requireNonNull(ops, "ops is null"));
    if (ops.isEmpty()) {
      throw new IllegalArgumentException("label_format without assignments");
    }
  }

  @Override
  public String toString() {
    return LogQLFormatter.stage(this);
  }
}
