package io.icegate.query.logql.metric;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.error.ErrorKind;

/** A metric query went past one of its {@link LokiMetricLimits}; the message names the setting. */
public final class MetricLimitExceededException extends RuntimeException
    implements ErrorKind.Classified {
  /** Which limit, with the configuration key that raises it. */
  public enum Limit {
    MAX_SERIES("icegate.query.loki.max-series"),
    MAX_POINTS("icegate.query.loki.max-points"),
    MAX_WORKING_SERIES("icegate.query.loki.max-working-series");

    private final String key;

    Limit(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  private final Limit limit;

  public MetricLimitExceededException(Limit limit, String message) {
    super(message + " (" + requireNonNull(limit, "limit is null").key() + ")");
    this.limit = limit;
  }

  public Limit limit() {
    return limit;
  }

  static MetricLimitExceededException series(int max) {
    return new MetricLimitExceededException(
        Limit.MAX_SERIES,
        "maximum number of series ("
            + max
            + ") reached for a single query; consider reducing query cardinality by adding more"
            + " specific stream selectors, reducing the time range, or aggregating results with"
            + " functions like sum(), count() or topk()");
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.LIMIT;
  }
}
