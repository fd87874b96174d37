package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/** Either filter must hold ({@code or}). */
public record OrLabelFilter(LabelFilterExpr left, LabelFilterExpr right)
    implements LabelFilterExpr {
  public OrLabelFilter {
    requireNonNull(left, "left is null");
    requireNonNull(right, "right is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.labelFilter(this);
  }
}
