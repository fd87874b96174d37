package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/** Either filter must hold ({@code or}). */
public record OrLabelFilter(LabelFilter left, LabelFilter right) implements LabelFilter {
  public OrLabelFilter {
    requireNonNull(left, "left is null");
    requireNonNull(right, "right is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.labelFilter(this);
  }
}
