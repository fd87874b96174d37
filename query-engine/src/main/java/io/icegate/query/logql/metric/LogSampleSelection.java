package io.icegate.query.logql.metric;

import static java.util.Objects.requireNonNull;

import io.icegate.query.logql.ast.LogRange;

/**
 * What a range aggregation asks a {@link SampleSource} for: the lines of {@code range}'s selector
 * after its pipeline, each turned into one sample as {@code extraction} says.
 */
public record LogSampleSelection(LogRange range, Extraction extraction) {
  /** How a line becomes a sample value (Loki's sample extractors). */
  public enum Extraction {
    /** 1 per line: {@code count_over_time}, {@code rate} and {@code absent_over_time} on lines. */
    LINE_COUNT,
    /** The line's size in bytes: {@code bytes_over_time}, {@code bytes_rate}. */
    LINE_BYTES,
    /**
     * The {@code unwrap} label converted to a number, after the post filters, as Loki's {@code
     * LabelExtractorWithStages} does: a line without the label (or with it empty) gives no sample;
     * a failed conversion gives value 0 with {@code __error__="SampleExtractionErr"} (the post
     * filters may drop it, else the evaluator fails the query); the unwrapped label itself is
     * removed from the sample's labels.
     */
    UNWRAP
  }

  public LogSampleSelection {
    requireNonNull(range, "range is null");
    requireNonNull(extraction, "extraction is null");
    if (extraction == Extraction.UNWRAP && range.unwrap().isEmpty()) {
      throw new IllegalArgumentException("Invalid selection: UNWRAP needs | unwrap");
    }
  }
}
