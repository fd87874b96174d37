package io.icegate.query.loki.tail;

import static io.icegate.lake.config.ConfigChecks.orDefault;
import static io.icegate.lake.config.ConfigChecks.positive;

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
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
  public static final Duration DEFAULT_LOOKBACK = Duration.ofMinutes(1);
  public static final int DEFAULT_MAX_WINDOW_LINES = 100_000;
  public static final int DEFAULT_MAX_SESSIONS = 64;
  private static final String PREFIX = "icegate.loki.tail.";

  public TailConfiguration {
    pollInterval =
        positive(PREFIX + "poll-interval", orDefault(pollInterval, DEFAULT_POLL_INTERVAL));
    lookback = positive(PREFIX + "lookback", orDefault(lookback, DEFAULT_LOOKBACK));
    maxWindowLines =
        positive(PREFIX + "max-window-lines", orDefault(maxWindowLines, DEFAULT_MAX_WINDOW_LINES));
    maxSessions = positive(PREFIX + "max-sessions", orDefault(maxSessions, DEFAULT_MAX_SESSIONS));
  }

  public static TailConfiguration defaults() {
    return new TailConfiguration(null, null, null, null);
  }
}
