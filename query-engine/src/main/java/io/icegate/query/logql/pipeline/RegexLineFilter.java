package io.icegate.query.logql.pipeline;

import com.google.re2j.Matcher;
import io.icegate.query.regex.GoRegex;

/**
 * {@code |~ "re"}: the regular expression matches somewhere in the line (unanchored, as Go's {@code
 * MatchString}; {@code .} stops at newlines), in Go's RE2 syntax ({@link GoRegex#compile}).
 */
public final class RegexLineFilter implements LineFilter {
  private final GoRegex regex;
  private final Matcher matcher;

  public RegexLineFilter(String expression) {
    this.regex = GoRegex.compile(expression);
    this.matcher = regex.matcher("");
  }

  public String expression() {
    return regex.expression();
  }

  /** The compiled expression. */
  public GoRegex regex() {
    return regex;
  }

  @Override
  public boolean test(String line) {
    return matcher.reset(line).find();
  }

  @Override
  public String toString() {
    return "|~ " + regex.expression();
  }
}
