package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/**
 * One label matcher, {@code name op "value"}: in a stream selector, as a string label filter, or
 * inside {@code drop}/{@code keep}. Regex values are validated by the parser and match the whole
 * value (Prometheus semantics).
 */
public record Matcher(String name, MatchOp op, String value) {
  public Matcher {
    requireNonNull(name, "name is null");
    requireNonNull(op, "op is null");
    requireNonNull(value, "value is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.matcher(this);
  }
}
