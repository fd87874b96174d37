package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/** {@code label = "v"} (or {@code != =~ !~}): compares the label's string value. */
public record StringLabelFilterExpr(Matcher matcher) implements LabelFilterExpr {
  public StringLabelFilterExpr {
    requireNonNull(matcher, "matcher is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.labelFilter(this);
  }
}
