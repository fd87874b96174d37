package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

/**
 * {@code left and right} / {@code left or right}. As in Loki, {@code and} always runs both sides
 * (each may set an error), {@code or} stops at a passing left side.
 */
public record BinaryLabelFilter(boolean and, LabelFilter left, LabelFilter right)
    implements LabelFilter {
  public BinaryLabelFilter {
    requireNonNull(left, "left is null");
    requireNonNull(right, "right is null");
  }

  @Override
  public boolean test(LabelsBuilder labels) {
    boolean l = left.test(labels);
    if (!and && l) {
      return true;
    }
    boolean r = right.test(labels);
    return and ? l && r : r;
  }
}
