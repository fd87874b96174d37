package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * {@code | took > 250ms}: compares the label as a Go duration ({@code 1h2m3.5s}). Missing label:
 * dropped; unparsable value: kept with {@code __error__=LabelFilterErr}.
 */
public final class DurationLabelFilter implements LabelFilter {
  private final String name;
  private final ComparisonOp op;
  private final long nanos;

  public DurationLabelFilter(String name, ComparisonOp op, long nanos) {
    this.name = requireNonNull(name, "name is null");
    this.op = requireNonNull(op, "op is null");
    this.nanos = nanos;
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
    long parsed;
    try {
      parsed = GoNumbers.parseDuration(v);
    } catch (NumberFormatException e) {
      labels.setError(PipelineErrors.LABEL_FILTER, e.getMessage());
      return true;
    }
    return op.test(parsed, nanos);
  }
}
