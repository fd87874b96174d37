package io.icegate.query.logql.ast;

import static java.util.Objects.requireNonNull;

/** {@code | pattern "<ip> - <_> <status>"}: each named capture of the pattern becomes a label. */
public record PatternParser(String pattern) implements LabelParser {
  public PatternParser {
    requireNonNull(pattern, "pattern is null");
  }

  @Override
  public String toString() {
    return LogQLFormatter.stage(this);
  }
}
