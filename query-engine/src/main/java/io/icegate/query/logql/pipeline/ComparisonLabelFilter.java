package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * {@code | name >= 1.5}, {@code | took > 250ms}, {@code | size > 20MB}, {@code | addr =
 * ip("10.0.0.0/8")}: parses the label as a number, a Go duration, a byte size or an address and
 * compares it. An entry without the label is dropped; one whose value does not parse is kept with
 * the filter's error ({@code __error__=LabelFilterErr}) and Go's message in {@code
 * __error_details__}. Once an entry has an error, it passes (only string filters decide then).
 */
public final class ComparisonLabelFilter implements LabelFilter {
  /** Parses a label value and compares it with the filter's operand. */
  @FunctionalInterface
  interface Comparison {
    /**
     * @throws NumberFormatException when the value does not parse (its message is Go's)
     */
    boolean test(String value);
  }

  private final String name;
  private final String error;
  private final Comparison comparison;

  ComparisonLabelFilter(String name, String error, Comparison comparison) {
    this.name = requireNonNull(name, "name is null");
    this.error = requireNonNull(error, "error is null");
    this.comparison = requireNonNull(comparison, "comparison is null");
  }

  /** The label as a float ({@code strconv.ParseFloat}). */
  public static ComparisonLabelFilter numeric(String name, ComparisonOp op, double value) {
    requireNonNull(op, "op is null");
    return new ComparisonLabelFilter(
        name, PipelineErrors.LABEL_FILTER, v -> op.test(GoNumbers.parseFloat(v), value));
  }

  /** The label as a Go duration ({@code 1h2m3.5s}, {@code time.ParseDuration}), in nanoseconds. */
  public static ComparisonLabelFilter duration(String name, ComparisonOp op, long nanos) {
    requireNonNull(op, "op is null");
    return new ComparisonLabelFilter(
        name, PipelineErrors.LABEL_FILTER, v -> op.test(GoNumbers.parseDuration(v), nanos));
  }

  /** The label as a humanized byte size (go-humanize: {@code KB} is 1000, {@code KiB} 1024). */
  public static ComparisonLabelFilter bytes(String name, ComparisonOp op, long bytes) {
    requireNonNull(op, "op is null");
    // Sizes are unsigned 64-bit in go-humanize; compare them so.
    return new ComparisonLabelFilter(
        name,
        PipelineErrors.LABEL_FILTER,
        v -> op.test((long) Long.compareUnsigned(GoNumbers.parseBytes(v), bytes), 0L));
  }

  /** {@code = ip("…")} ({@code equal}) or {@code != ip("…")}: the value is an address in range. */
  public static ComparisonLabelFilter ip(String name, boolean equal, String expression) {
    IpMatcher matcher = IpMatcher.parse(expression);
    return new ComparisonLabelFilter(
        name, PipelineErrors.LABEL_FILTER, v -> matcher.matches(v.trim()) == equal);
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
    try {
      return comparison.test(v);
    } catch (NumberFormatException e) {
      labels.setError(error, e.getMessage());
      return true;
    }
  }
}
