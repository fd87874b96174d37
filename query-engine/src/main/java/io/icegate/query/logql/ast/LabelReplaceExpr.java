package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/**
 * {@code label_replace(expr, "dst", "replacement", "src", "regex")}: where {@code regex} (anchored,
 * validated by the parser) matches label {@code src}, sets {@code dst} to the expanded replacement
 * ({@code $1}, {@code ${name}}).
 */
public record LabelReplaceExpr(
    SampleExpr inner, String destination, String replacement, String source, String regex)
    implements SampleExpr {
  public LabelReplaceExpr {
    requireNonNull(inner, "inner is null");
    requireNonNull(destination, "destination is null");
    requireNonNull(replacement, "replacement is null");
    requireNonNull(source, "source is null");
    requireNonNull(regex, "regex is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.format(this);
  }
}
