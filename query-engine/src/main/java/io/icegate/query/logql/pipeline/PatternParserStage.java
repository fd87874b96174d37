package io.icegate.query.logql.pipeline;

/** {@code | pattern "<ip> - <_> <status>"}: named captures become parsed labels. */
public final class PatternParserStage implements Stage {
  private final LinePattern pattern;

  public PatternParserStage(String expression) {
    this.pattern = LinePattern.parse(expression);
    if (pattern.names().isEmpty()) {
      throw new IllegalArgumentException("at least one capture is required");
    }
  }

  @Override
  public String process(long timestampNanos, String line, LabelsBuilder labels) {
    pattern.extract(
        line,
        (name, value) ->
            LabelNames.setExtracted(labels, LabelNames.parsedName(labels, name), value));
    return line;
  }
}
