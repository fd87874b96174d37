package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/** {@code label > 1.5}: the label's value parsed as a float compared with a number. */
public record NumericLabelFilter(String label, CompareOp op, double value)
    implements LabelFilterExpr {
  public NumericLabelFilter {
    requireNonNull(label, "label is null");
    requireNonNull(op, "op is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.labelFilter(this);
  }
}
