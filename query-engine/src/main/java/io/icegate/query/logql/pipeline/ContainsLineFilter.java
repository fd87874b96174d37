package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

/** {@code |= "text"}: the line contains the text (case-sensitive, as in Loki). */
public record ContainsLineFilter(String text) implements LineFilter {
  public ContainsLineFilter {
    requireNonNull(text, "text is null");
  }

  @Override
  public boolean test(String line) {
    return line.contains(text);
  }
}
