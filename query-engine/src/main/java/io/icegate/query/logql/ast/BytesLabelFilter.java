package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/** {@code label > 20KB}: the label's value parsed as a byte size compared with a byte count. */
public record BytesLabelFilter(String label, CompareOp op, long bytes) implements LabelFilterExpr {
  public BytesLabelFilter {
    requireNonNull(label, "label is null");
    requireNonNull(op, "op is null");
    if (bytes < 0) {
      throw new IllegalArgumentException("Invalid bytes: " + bytes);
    }
  }

  @Override
  public String toString() {
    return LogQLFormatter.labelFilter(this);
  }
}
