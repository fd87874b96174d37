package io.icegate.query.promql.eval;

import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.series.Labels;
import java.util.List;

/**
 * The answer to a query: for an instant query a scalar, string or vector; for a range query a
 * matrix sorted by labels. Warnings and infos are Prometheus' annotation strings.
 */
public record QueryResult(
    Value value, List<RangeSeries> matrix, List<String> warnings, List<String> infos) {

  /** One series of a range query's answer; {@code timestamps} ascending. */
  public record RangeSeries(
      Labels labels, long[] timestamps, double[] values, FloatHistogram[] histograms) {
    /** The histogram at {@code i}, null for a float point. */
    public FloatHistogram h(int i) {
      return histograms == null ? null : histograms[i];
    }
  }

  public boolean isMatrix() {
    return matrix != null;
  }
}
