package io.icegate.query.logql.pipeline;

/** {@code |= ip("…")}: some address in the line lies in the range. */
public final class IpLineFilter implements LineFilter {
  private final IpMatcher matcher;

  public IpLineFilter(String expression) {
    this.matcher = IpMatcher.parse(expression);
  }

  @Override
  public boolean test(String line) {
    return matcher.matchesAnyIn(line);
  }
}
