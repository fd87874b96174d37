package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * {@code | size > 20MB}: compares the label as a humanized byte size (go-humanize: {@code KB} is
 * 1000, {@code KiB} 1024). Missing label: dropped; unparsable: kept with {@code LabelFilterErr}.
 */
public final class BytesLabelFilter implements LabelFilter {
  private final String name;
  private final ComparisonOp op;
  private final long bytes;

  public BytesLabelFilter(String name, ComparisonOp op, long bytes) {
    this.name = requireNonNull(name, "name is null");
    this.op = requireNonNull(op, "op is null");
    this.bytes = bytes;
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
      parsed = GoNumbers.parseBytes(v);
    } catch (NumberFormatException e) {
      labels.setError(PipelineErrors.LABEL_FILTER, e.getMessage());
      return true;
    }
    // Sizes are unsigned 64-bit in go-humanize; compare them so.
    return op.test((long) Long.compareUnsigned(parsed, bytes), 0L);
  }
}
