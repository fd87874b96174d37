package io.icegate.ingest.shift;

import java.time.Duration;

/**
 * Bounds of one shift cycle.
 *
 * @param maxSegmentsPerCycle segments read per cycle (bounds memory: segments are at most the WAL's
 *     flush size each)
 * @param maxRowsPerFile rows per data file (the row-count stand-in for the target file size)
 * @param dedupWindow how long after a commit its batch ids still suppress retries (default 15 min)
 * @param maxPlanAge a plan older than this is abandoned (half the orphan-file grace period)
 */
public record ShiftSettings(
    int maxSegmentsPerCycle, long maxRowsPerFile, Duration dedupWindow, Duration maxPlanAge) {
  public ShiftSettings {
    if (maxSegmentsPerCycle <= 0 || maxRowsPerFile <= 0) {
      throw new IllegalArgumentException("Invalid shift settings: limits must be positive");
    }
  }

  public static ShiftSettings defaults() {
    return new ShiftSettings(64, 2_000_000, Duration.ofMinutes(15), Duration.ofMinutes(30));
  }
}
