package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A LogQL log pipeline: stages run in order on each entry. Not thread-safe (it owns a {@link
 * LabelsBuilder} and the stages keep scratch state); build one per thread.
 */
public final class Pipeline {
  private final List<Stage> stages;
  private final Stage[] array;
  private final LabelsBuilder builder = new LabelsBuilder();

  public Pipeline(List<Stage> stages) {
    this.stages = List.copyOf(requireNonNull(stages, "stages is null"));
    this.array = this.stages.toArray(new Stage[0]);
  }

  public static Pipeline of(Stage... stages) {
    return new Pipeline(List.of(stages));
  }

  public List<Stage> stages() {
    return stages;
  }

  /**
   * The line filters before the first stage that is not one. They look only at the original line,
   * so a scan may apply them before building labels (and must then run {@link
   * #afterLeadingLineFilters()} instead of this pipeline).
   */
  public List<LineFilter> leadingLineFilters() {
    int n = leadingCount();
    return stages.subList(0, n).stream().map(LineFilter.class::cast).toList();
  }

  /** This pipeline without its leading line filters. */
  public Pipeline afterLeadingLineFilters() {
    return new Pipeline(stages.subList(leadingCount(), stages.size()));
  }

  private int leadingCount() {
    int n = 0;
    while (n < array.length && array[n] instanceof LineFilter) {
      n++;
    }
    return n;
  }

  /**
   * Runs the stages over an entry whose labels the caller has {@link LabelsBuilder#reset}.
   *
   * @return the final line, or null when a stage dropped the entry
   */
  public String process(long timestampNanos, String line, LabelsBuilder labels) {
    String current = line;
    for (Stage stage : array) {
      current = stage.process(timestampNanos, current, labels);
      if (current == null) {
        return null;
      }
    }
    return current;
  }

  /** Runs the pipeline on one entry with this pipeline's own builder. */
  public Optional<ProcessedEntry> process(
      long timestampNanos, String line, LabelSet stream, Map<String, String> structuredMetadata) {
    builder.reset(stream, structuredMetadata);
    String result = process(timestampNanos, line, builder);
    return result == null
        ? Optional.empty()
        : Optional.of(new ProcessedEntry(timestampNanos, result, builder.labels()));
  }

  /** The builder {@link #process(long, String, LabelSet, Map)} uses, to read labels after it. */
  public LabelsBuilder builder() {
    return builder;
  }
}
