package io.icegate.query.logql.metric;

import static io.icegate.lake.config.ConfigChecks.orDefault;
import static io.icegate.lake.config.ConfigChecks.positive;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * Limits of one LogQL metric query, {@code icegate.query.loki.*}.
 *
 * @param maxSeries series one answer may hold (Loki's {@code max_query_series}, default 500)
 * @param maxPoints {@code (end - start) / step} a range query may ask for (Loki's fixed 11,000)
 * @param maxWorkingSeries series one range aggregation may hold in memory before the outer
 *     aggregations reduce them (default 100,000)
 * @param splitSteps steps evaluated at once; a longer range is evaluated in consecutive pieces,
 *     which bounds memory by series × {@code splitSteps} (default 1,000)
 */
@ConfigurationProperties("icegate.query.loki")
public record LokiMetricLimits(
    @Nullable Integer maxSeries,
    @Nullable Integer maxPoints,
    @Nullable Integer maxWorkingSeries,
    @Nullable Integer splitSteps) {
  public static final int DEFAULT_MAX_SERIES = 500;
  public static final int DEFAULT_MAX_POINTS = 11_000;
  public static final int DEFAULT_MAX_WORKING_SERIES = 100_000;
  public static final int DEFAULT_SPLIT_STEPS = 1_000;
  private static final String PREFIX = "icegate.query.loki.";

  public LokiMetricLimits {
    maxSeries = positive(PREFIX + "max-series", orDefault(maxSeries, DEFAULT_MAX_SERIES));
    maxPoints = positive(PREFIX + "max-points", orDefault(maxPoints, DEFAULT_MAX_POINTS));
    maxWorkingSeries =
        positive(
            PREFIX + "max-working-series", orDefault(maxWorkingSeries, DEFAULT_MAX_WORKING_SERIES));
    splitSteps = positive(PREFIX + "split-steps", orDefault(splitSteps, DEFAULT_SPLIT_STEPS));
  }

  public static LokiMetricLimits defaults() {
    return new LokiMetricLimits(null, null, null, null);
  }
}
