package io.icegate.query.logql.metric;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

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
public record MetricLimits(
    @Bindable(defaultValue = "500") int maxSeries,
    @Bindable(defaultValue = "11000") int maxPoints,
    @Bindable(defaultValue = "100000") int maxWorkingSeries,
    @Bindable(defaultValue = "1000") int splitSteps) {
  public MetricLimits {
    if (maxSeries <= 0 || maxPoints <= 0 || maxWorkingSeries <= 0 || splitSteps <= 0) {
      throw new IllegalArgumentException("Invalid icegate.query.loki.* limit: must be positive");
    }
  }

  public static MetricLimits defaults() {
    return new MetricLimits(500, 11_000, 100_000, 1_000);
  }
}
