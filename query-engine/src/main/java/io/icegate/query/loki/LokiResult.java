package io.icegate.query.loki;

import static java.util.Objects.requireNonNull;

import io.icegate.query.logql.metric.MetricResult;

/** The answer of a LogQL query ({@code query}, {@code query_range}) and what it read. */
public sealed interface LokiResult {
  QueryStats stats();

  /** A log query's answer: streams of entries. */
  record Streams(LokiStreams streams, QueryStats stats) implements LokiResult {
    public Streams {
      requireNonNull(streams, "streams is null");
      requireNonNull(stats, "stats is null");
    }
  }

  /** A metric query's answer: a matrix, a vector or a scalar. */
  record Metric(MetricResult result, QueryStats stats) implements LokiResult {
    public Metric {
      requireNonNull(result, "result is null");
      requireNonNull(stats, "stats is null");
    }
  }
}
