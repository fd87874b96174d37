package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/** Both filters must hold ({@code and}, {@code ,} or juxtaposition). */
public record AndLabelFilter(LabelFilterExpr left, LabelFilterExpr right)
    implements LabelFilterExpr {
  public AndLabelFilter {
    requireNonNull(left, "left is null");
    requireNonNull(right, "right is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.labelFilter(this);
  }
}
