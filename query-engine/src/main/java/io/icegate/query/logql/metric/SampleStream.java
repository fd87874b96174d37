package io.icegate.query.logql.metric;

import io.icegate.query.series.Labels;

/**
 * Samples pulled one at a time: the labels of the line's series (after the pipeline), its time and
 * its value. Samples may come in any order, across and within series; a source should hand out the
 * same {@link Labels} instance for consecutive samples of one series, which lets the evaluator skip
 * a map lookup. Memory of the evaluator is bounded by series × steps, never by the number of
 * samples (except {@code quantile_over_time} and {@code rate_counter}, which need the values of a
 * window, as in Loki).
 */
public interface SampleStream extends AutoCloseable {
  /** Moves to the next sample; false at the end. */
  boolean next();

  Labels labels();

  long timestampNs();

  double value();

  @Override
  void close();
}
