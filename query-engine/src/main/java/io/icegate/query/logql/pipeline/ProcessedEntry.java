package io.icegate.query.logql.pipeline;

import static java.util.Objects.requireNonNull;

/** A log entry after the pipeline: its time, final line and labels by category. */
public record ProcessedEntry(long timestampNanos, String line, CategorizedLabels labels) {
  public ProcessedEntry {
    requireNonNull(line, "line is null");
    requireNonNull(labels, "labels is null");
  }
}
