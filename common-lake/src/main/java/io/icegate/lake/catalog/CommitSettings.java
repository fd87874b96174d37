package io.icegate.lake.catalog;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * How root version commits behave.
 *
 * @param deadline a commit gives up (before its next {@code putIfAbsent}) once this long has passed
 *     since it started; far below the root version retention age
 * @param maxStorageRetries attempts on one root version key after storage errors or unknown
 *     outcomes before the commit fails (or, when an outcome stays unknown, reports it as unknown)
 * @param retryBackoff first pause between such attempts; doubles up to one second
 * @param hintInterval the advisory {@code latest} hint is rewritten on every version divisible by
 *     this
 */
public record CommitSettings(
    Duration deadline, int maxStorageRetries, Duration retryBackoff, int hintInterval) {
  public static final String DEADLINE_MS = "icegate.commit.deadline-ms";
  public static final String MAX_STORAGE_RETRIES = "icegate.commit.max-storage-retries";
  public static final String RETRY_BACKOFF_MS = "icegate.commit.retry-backoff-ms";
  public static final String HINT_INTERVAL = "icegate.commit.hint-interval";

  public static final CommitSettings DEFAULTS =
      new CommitSettings(Duration.ofSeconds(60), 8, Duration.ofMillis(50), 100);

  public CommitSettings {
    requireNonNull(deadline, "deadline is null");
    requireNonNull(retryBackoff, "retryBackoff is null");
    if (deadline.isNegative() || deadline.isZero()) {
      throw new IllegalArgumentException("Invalid commit deadline: " + deadline);
    }
    if (maxStorageRetries < 0) {
      throw new IllegalArgumentException("Invalid max storage retries: " + maxStorageRetries);
    }
    if (hintInterval <= 0) {
      throw new IllegalArgumentException("Invalid hint interval: " + hintInterval);
    }
  }

  /** Settings from catalog properties, defaulting each missing key. */
  public static CommitSettings fromProperties(Map<String, String> properties) {
    return new CommitSettings(
        Duration.ofMillis(
            Long.parseLong(
                properties.getOrDefault(
                    DEADLINE_MS, Long.toString(DEFAULTS.deadline().toMillis())))),
        Integer.parseInt(
            properties.getOrDefault(
                MAX_STORAGE_RETRIES, Integer.toString(DEFAULTS.maxStorageRetries()))),
        Duration.ofMillis(
            Long.parseLong(
                properties.getOrDefault(
                    RETRY_BACKOFF_MS, Long.toString(DEFAULTS.retryBackoff().toMillis())))),
        Integer.parseInt(
            properties.getOrDefault(HINT_INTERVAL, Integer.toString(DEFAULTS.hintInterval()))));
  }
}
