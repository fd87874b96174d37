package io.icegate.query.logql.pipeline;

/** {@code |> "pattern"}: the line matches the whole pattern ({@link LinePattern#matches}). */
public final class PatternLineFilter implements LineFilter {
  private final String expression;
  private final LinePattern pattern;

  public PatternLineFilter(String expression) {
    this.expression = expression;
    this.pattern = LinePattern.parse(expression);
  }

  public String expression() {
    return expression;
  }

  @Override
  public boolean test(String line) {
    return pattern.matches(line);
  }
}
