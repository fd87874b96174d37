package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/** {@code | regexp "re"}: each named group of the (validated) expression becomes a label. */
public record RegexpParser(String regex) implements LabelParser {
  public RegexpParser {
    requireNonNull(regex, "regex is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.stage(this);
  }
}
