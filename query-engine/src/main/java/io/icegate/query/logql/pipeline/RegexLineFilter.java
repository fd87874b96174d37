package io.icegate.query.logql.pipeline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code |~ "re"}: the regular expression matches somewhere in the line (unanchored, as Go's {@code
 * MatchString}). The expression is written in Go's RE2 syntax and run by {@link java.util.regex}
 * after {@link GoRegex#compile}.
 */
public final class RegexLineFilter implements LineFilter {
  private final String expression;
  private final Matcher matcher;

  public RegexLineFilter(String expression) {
    this.expression = expression;
    this.matcher = GoRegex.compile(expression).pattern().matcher("");
  }

  public String expression() {
    return expression;
  }

  /** The compiled pattern. */
  public Pattern pattern() {
    return matcher.pattern();
  }

  @Override
  public boolean test(String line) {
    return matcher.reset(line).find();
  }

  @Override
  public String toString() {
    return "|~ " + expression;
  }
}
