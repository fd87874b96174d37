package io.icegate.ingest.shift;

import io.icegate.lake.config.InvalidConfigurationException;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;

/**
 * The {@code icegate.shift.*} keys as configured ({@code icegate.shift.enabled} gates the scheduler
 * itself). A signal is shifted when {@code interval} has passed since its last shift, or earlier
 * when a check finds {@code trigger-bytes} of WAL segments beyond its committed offsets.
 *
 * @param interval longest time between shifts of a signal ({@code 5s})
 * @param checkInterval how often the unshifted bytes are measured ({@code 1s}; one listing of the
 *     signal's WAL each)
 * @param triggerBytes unshifted segment bytes that start a shift before the interval ({@code 64MB})
 * @param leaseDuration term of the {@code shifter-<signal>} lease ({@code 30s})
 * @param targetFileSize data file size ({@code 128MB})
 * @param dedupWindow how long a stored batch id suppresses retries ({@code 15m})
 * @param maxPlanAge a plan older than this is abandoned ({@code 30m}, half the orphan grace)
 * @param maxSegmentsPerCycle segments per cycle ({@code 64})
 */
@ConfigurationProperties("icegate.shift")
public record ShiftConfiguration(
    @Nullable Duration interval,
    @Nullable Duration checkInterval,
    @Nullable @ReadableBytes Long triggerBytes,
    @Nullable Duration leaseDuration,
    @Nullable @ReadableBytes Long targetFileSize,
    @Nullable Duration dedupWindow,
    @Nullable Duration maxPlanAge,
    @Nullable Integer maxSegmentsPerCycle) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);
  public static final long DEFAULT_TRIGGER_BYTES = 64L << 20;
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(30);

  /**
   * The cycle settings these keys describe.
   *
   * @throws InvalidConfigurationException naming the offending key
   */
  public ShiftSettings toSettings() {
    ShiftSettings defaults = ShiftSettings.defaults();
    int segments =
        maxSegmentsPerCycle == null ? defaults.maxSegmentsPerCycle() : maxSegmentsPerCycle;
    long fileSize = targetFileSize == null ? defaults.targetFileSizeBytes() : targetFileSize;
    Duration window = dedupWindow == null ? defaults.dedupWindow() : dedupWindow;
    Duration planAge = maxPlanAge == null ? defaults.maxPlanAge() : maxPlanAge;
    positive("icegate.shift.max-segments-per-cycle", segments);
    positive("icegate.shift.target-file-size", fileSize);
    if (window.isNegative()) {
      throw new InvalidConfigurationException("icegate.shift.dedup-window", "must not be negative");
    }
    positive("icegate.shift.max-plan-age", planAge);
    return new ShiftSettings(segments, fileSize, window, planAge);
  }

  public Duration intervalOrDefault() {
    return positive("icegate.shift.interval", interval == null ? DEFAULT_INTERVAL : interval);
  }

  public Duration checkIntervalOrDefault() {
    return positive(
        "icegate.shift.check-interval",
        checkInterval == null ? DEFAULT_CHECK_INTERVAL : checkInterval);
  }

  public long triggerBytesOrDefault() {
    long bytes = triggerBytes == null ? DEFAULT_TRIGGER_BYTES : triggerBytes;
    positive("icegate.shift.trigger-bytes", bytes);
    return bytes;
  }

  public Duration leaseDurationOrDefault() {
    return positive(
        "icegate.shift.lease-duration",
        leaseDuration == null ? DEFAULT_LEASE_DURATION : leaseDuration);
  }

  private static void positive(String key, long value) {
    if (value <= 0) {
      throw new InvalidConfigurationException(key, "must be positive");
    }
  }

  private static Duration positive(String key, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new InvalidConfigurationException(key, "must be positive");
    }
    return value;
  }
}
