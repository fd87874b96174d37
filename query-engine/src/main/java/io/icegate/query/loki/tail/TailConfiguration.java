package io.icegate.query.loki.tail;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * The {@code icegate.loki.tail.*} keys of the live tail (docs/loki.md).
 *
 * @param pollInterval how often a tail reads the lake for new lines (default 500 ms)
 * @param lookback how far behind now (event time) a line may arrive and still be sent (default 1
 *     m): every poll re-reads this window, and it bounds what a tail remembers
 * @param maxWindowLines most lines a tail may hold in its window; a busier tail is closed with a
 *     message naming this key (default 100,000)
 * @param maxSessions tails open at once on this query service (default 64)
 */
@ConfigurationProperties("icegate.loki.tail")
public record TailConfiguration(
    @Nullable Duration pollInterval,
    @Nullable Duration lookback,
    @Nullable Integer maxWindowLines,
    @Nullable Integer maxSessions) {
  public TailConfiguration {
    pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
    lookback = lookback == null ? Duration.ofMinutes(1) : lookback;
    maxWindowLines = maxWindowLines == null ? 100_000 : maxWindowLines;
    maxSessions = maxSessions == null ? 64 : maxSessions;
    if (pollInterval.isNegative()
        || pollInterval.isZero()
        || lookback.isNegative()
        || lookback.isZero()
        || maxWindowLines <= 0
        || maxSessions <= 0) {
      throw new IllegalArgumentException("Invalid icegate.loki.tail.* setting: must be positive");
    }
  }
}
