package io.icegate.maintain.compaction;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.config.InvalidConfigurationException;
import java.time.Duration;

/**
 * How compaction chooses and writes files.
 *
 * @param targetFileSizeBytes size of the files written, and the most input one group takes
 * @param minFileSizeBytes files below this are small, candidates for compaction (75% of the target,
 *     as Iceberg's {@code min-file-size-bytes})
 * @param minInputFiles a group is rewritten only if it merges at least this many small files
 * @param maxBytesPerRun input bytes one run rewrites at most; the rest waits for the next run
 * @param maxWriteTime a group whose files took longer to write is not committed: they could already
 *     be orphan-cleanup candidates (half the orphan grace period, as the shifter's plan age)
 */
public record CompactionSettings(
    long targetFileSizeBytes,
    long minFileSizeBytes,
    int minInputFiles,
    long maxBytesPerRun,
    Duration maxWriteTime) {
  public static final long DEFAULT_TARGET_FILE_SIZE = 128L << 20;
  public static final int DEFAULT_MIN_INPUT_FILES = 5;
  public static final long DEFAULT_MAX_BYTES_PER_RUN = 10L << 30;

  public CompactionSettings {
    requireNonNull(maxWriteTime, "maxWriteTime is null");
  }

  /** Applies defaults and checks configured values. */
  public static CompactionSettings of(
      Long targetFileSize, Integer minInputFiles, Long maxBytesPerRun, Duration maxWriteTime) {
    long target = positive("target-file-size", targetFileSize, DEFAULT_TARGET_FILE_SIZE);
    long budget = positive("max-bytes-per-run", maxBytesPerRun, DEFAULT_MAX_BYTES_PER_RUN);
    int minFiles = minInputFiles == null ? DEFAULT_MIN_INPUT_FILES : minInputFiles;
    if (minFiles < 2) {
      throw new InvalidConfigurationException(
          "icegate.maintain.compaction.min-input-files",
          "must be at least 2 (merging one file gains nothing), got " + minFiles);
    }
    return new CompactionSettings(target, target / 4 * 3, minFiles, budget, maxWriteTime);
  }

  private static long positive(String key, Long value, long fallback) {
    long chosen = value == null ? fallback : value;
    if (chosen <= 0) {
      throw new InvalidConfigurationException(
          "icegate.maintain.compaction." + key, "must be positive, got " + chosen);
    }
    return chosen;
  }
}
