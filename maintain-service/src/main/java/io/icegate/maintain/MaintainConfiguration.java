package io.icegate.maintain;

import io.icegate.lake.config.InvalidConfigurationException;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The {@code icegate.maintain.*} keys shared by the jobs.
 *
 * @param queryTimeout the longest a query runs (default 5 min); the WAL grace and the snapshot
 *     retention are derived from it and must exceed it
 * @param leaseDuration a job's lease term (default 10 min); renewed between runs
 */
@ConfigurationProperties("icegate.maintain")
public record MaintainConfiguration(
    @Nullable Duration queryTimeout, @Nullable Duration leaseDuration) {
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofMinutes(5);
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofMinutes(10);

  public Duration effectiveQueryTimeout() {
    return positive("query-timeout", queryTimeout, DEFAULT_QUERY_TIMEOUT);
  }

  public Duration effectiveLeaseDuration() {
    return positive("lease-duration", leaseDuration, DEFAULT_LEASE_DURATION);
  }

  static Duration positive(String key, Duration value, Duration fallback) {
    Duration chosen = value == null ? fallback : value;
    if (chosen.isNegative() || chosen.isZero()) {
      throw new InvalidConfigurationException(
          "icegate.maintain." + key, "must be positive, got " + chosen);
    }
    return chosen;
  }
}
