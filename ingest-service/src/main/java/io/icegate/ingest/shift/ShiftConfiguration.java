package io.icegate.ingest.shift;

import static io.icegate.lake.config.ConfigChecks.orDefault;
import static io.icegate.lake.config.ConfigChecks.positive;

import io.icegate.lake.config.DedupWindow;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.format.ReadableBytes;
import java.time.Duration;

/**
 * The {@code icegate.shift.*} keys ({@code icegate.shift.enabled} gates the scheduler itself). A
 * signal is shifted when {@code interval} has passed since its last shift, or earlier when a check
 * finds {@code trigger-bytes} of WAL segments beyond its committed offsets. The dedup window is
 * {@link DedupWindow}'s, shared with the query and maintain services.
 *
 * @param interval longest time between shifts of a signal ({@code 5s})
 * @param checkInterval how often the unshifted bytes are measured ({@code 1s}; one listing of the
 *     signal's WAL each)
 * @param triggerBytes unshifted segment bytes that start a shift before the interval ({@code 64MB})
 * @param leaseDuration term of the {@code shifter-<signal>} lease ({@code 30s})
 * @param targetFileSize data file size ({@code 128MB})
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
    @Nullable Duration maxPlanAge,
    @Nullable Integer maxSegmentsPerCycle) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(1);
  public static final long DEFAULT_TRIGGER_BYTES = 64L << 20;
  public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(30);
  private static final String PREFIX = "icegate.shift.";

  public ShiftConfiguration {
    interval = positive(PREFIX + "interval", orDefault(interval, DEFAULT_INTERVAL));
    checkInterval =
        positive(PREFIX + "check-interval", orDefault(checkInterval, DEFAULT_CHECK_INTERVAL));
    triggerBytes =
        positive(PREFIX + "trigger-bytes", orDefault(triggerBytes, DEFAULT_TRIGGER_BYTES));
    leaseDuration =
        positive(PREFIX + "lease-duration", orDefault(leaseDuration, DEFAULT_LEASE_DURATION));
    targetFileSize =
        positive(
            PREFIX + "target-file-size",
            orDefault(targetFileSize, ShiftSettings.DEFAULT_TARGET_FILE_SIZE_BYTES));
    maxPlanAge =
        positive(
            PREFIX + "max-plan-age", orDefault(maxPlanAge, ShiftSettings.DEFAULT_MAX_PLAN_AGE));
    maxSegmentsPerCycle =
        positive(
            PREFIX + "max-segments-per-cycle",
            orDefault(maxSegmentsPerCycle, ShiftSettings.DEFAULT_MAX_SEGMENTS_PER_CYCLE));
  }

  public static ShiftConfiguration defaults() {
    return new ShiftConfiguration(null, null, null, null, null, null, null);
  }

  /** The cycle settings these keys describe, with the shared dedup window. */
  public ShiftSettings toSettings(DedupWindow dedupWindow) {
    return new ShiftSettings(maxSegmentsPerCycle, targetFileSize, dedupWindow.value(), maxPlanAge);
  }
}
