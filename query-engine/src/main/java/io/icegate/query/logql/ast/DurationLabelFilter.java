package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** {@code label >= 250ms}: the label's value parsed as a Go duration compared with a duration. */
public record DurationLabelFilter(String label, CompareOp op, Duration value)
    implements LabelFilterExpr {
  public DurationLabelFilter {
    requireNonNull(label, "label is null");
    requireNonNull(op, "op is null");
    requireNonNull(value, "value is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.labelFilter(this);
  }
}
