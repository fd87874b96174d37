package io.icegate.query.logql.metric;

import io.icegate.query.series.Sample;
import io.icegate.query.series.Series;
import java.util.List;

/** The answer of a metric query in Loki's three shapes. */
public sealed interface MetricResult {
  /** {@code "matrix"}: a range query; series sorted by labels. */
  record Matrix(List<Series> series) implements MetricResult {
    public Matrix {
      series = List.copyOf(series);
    }
  }

  /** {@code "vector"}: an instant query; sorted by labels unless the query sorts by value. */
  record Vector(long timestampMs, List<Sample> samples) implements MetricResult {
    public Vector {
      samples = List.copyOf(samples);
    }
  }

  /** {@code "scalar"}: an instant query of a number alone. */
  record Scalar(long timestampMs, double value) implements MetricResult {}
}
