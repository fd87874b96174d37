package io.icegate.query.logql.metric;

import java.util.Locale;

/**
 * LogQL's range aggregations. The sample value each one reads is set by the sample source: 1 per
 * line for {@code count_over_time}, {@code rate} and {@code absent_over_time} over lines, the line
 * size in bytes for {@code bytes_*}, the unwrapped number otherwise.
 */
public enum RangeFunction {
  COUNT_OVER_TIME,
  /** Sum of the values divided by the range in seconds (lines per second without unwrap). */
  RATE,
  RATE_COUNTER,
  BYTES_OVER_TIME,
  BYTES_RATE,
  ABSENT_OVER_TIME,
  SUM_OVER_TIME,
  AVG_OVER_TIME,
  MIN_OVER_TIME,
  MAX_OVER_TIME,
  STDVAR_OVER_TIME,
  STDDEV_OVER_TIME,
  QUANTILE_OVER_TIME,
  FIRST_OVER_TIME,
  LAST_OVER_TIME;

  public String functionName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RangeFunction fromName(String name) {
    for (RangeFunction f : values()) {
      if (f.functionName().equals(name)) {
        return f;
      }
    }
    throw new IllegalArgumentException("Unknown range aggregation: " + name);
  }

  /** Whether {@code sum by (...)} around it may merge series before the window (it is additive). */
  public boolean isAdditive() {
    return switch (this) {
      case COUNT_OVER_TIME, RATE, BYTES_OVER_TIME, BYTES_RATE, SUM_OVER_TIME -> true;
      default -> false;
    };
  }
}
