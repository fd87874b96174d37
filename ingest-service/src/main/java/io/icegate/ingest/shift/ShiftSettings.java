package io.icegate.ingest.shift;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.config.DedupWindow;
import java.time.Duration;

/**
 * Bounds of one shift cycle.
 *
 * @param maxSegmentsPerCycle segments read per cycle (bounds memory: segments are at most the WAL's
 *     flush size each)
 * @param targetFileSizeBytes a data file is closed once it reaches this size (default 128 MiB)
 * @param dedupWindow how long after a commit its batch ids still suppress retries (default 15 min)
 * @param maxPlanAge a plan older than this is abandoned (half the orphan-file grace period)
 */
public record ShiftSettings(
    int maxSegmentsPerCycle, long targetFileSizeBytes, Duration dedupWindow, Duration maxPlanAge) {
  public static final int DEFAULT_MAX_SEGMENTS_PER_CYCLE = 64;
  public static final long DEFAULT_TARGET_FILE_SIZE_BYTES = 128L << 20;
  public static final Duration DEFAULT_MAX_PLAN_AGE = Duration.ofMinutes(30);

  public ShiftSettings {
    requireNonNull(dedupWindow, "dedupWindow is null");
    requireNonNull(maxPlanAge, "maxPlanAge is null");
    if (maxSegmentsPerCycle <= 0 || targetFileSizeBytes <= 0) {
      throw new IllegalArgumentException("Invalid shift settings: limits must be positive");
    }
    if (dedupWindow.isNegative() || maxPlanAge.isNegative() || maxPlanAge.isZero()) {
      throw new IllegalArgumentException("Invalid shift settings: durations must be positive");
    }
  }

  public static ShiftSettings defaults() {
    return new ShiftSettings(
        DEFAULT_MAX_SEGMENTS_PER_CYCLE,
        DEFAULT_TARGET_FILE_SIZE_BYTES,
        DedupWindow.DEFAULT,
        DEFAULT_MAX_PLAN_AGE);
  }

  public ShiftSettings withMaxSegmentsPerCycle(int segments) {
    return new ShiftSettings(segments, targetFileSizeBytes, dedupWindow, maxPlanAge);
  }

  public ShiftSettings withTargetFileSizeBytes(long bytes) {
    return new ShiftSettings(maxSegmentsPerCycle, bytes, dedupWindow, maxPlanAge);
  }

  public ShiftSettings withDedupWindow(Duration window) {
    return new ShiftSettings(maxSegmentsPerCycle, targetFileSizeBytes, window, maxPlanAge);
  }
}
