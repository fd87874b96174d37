package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * {@code | name >= 1.5}: compares the label as a float. An entry without the label is dropped; one
 * whose value is no number is kept with {@code __error__=LabelFilterErr}.
 */
public final class NumericLabelFilter implements LabelFilter {
  private final String name;
  private final ComparisonOp op;
  private final double value;

  public NumericLabelFilter(String name, ComparisonOp op, double value) {
    this.name = requireNonNull(name, "name is null");
    this.op = requireNonNull(op, "op is null");
    this.value = value;
  }

  @Override
  public boolean test(LabelsBuilder labels) {
    if (labels.hasError()) {
      return true;
    }
    String v = labels.get(name);
    if (v == null) {
      return false;
    }
    double parsed;
    try {
      parsed = GoNumbers.parseFloat(v);
    } catch (NumberFormatException e) {
      labels.setError(PipelineErrors.LABEL_FILTER, e.getMessage());
      return true;
    }
    return op.test(parsed, value);
  }
}
