package io.icegate.query.logql.pipeline;

/**
 * A label filter stage ({@code | status >= 400}, {@code | level = "error" or duration > 1s}). A
 * filter that cannot convert a label's value keeps the entry and sets {@code
 * __error__=LabelFilterErr} with details, as Loki does; once an entry carries an error, only string
 * filters still decide (so {@code | __error__ = ""} can drop it).
 */
public interface LabelFilter extends Stage {
  /** Whether the entry passes; may set the error labels. */
  boolean test(LabelsBuilder labels);

  @Override
  default String process(long timestampNanos, String line, LabelsBuilder labels) {
    return test(labels) ? line : null;
  }
}
