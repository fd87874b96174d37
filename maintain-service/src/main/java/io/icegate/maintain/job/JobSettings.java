package io.icegate.maintain.job;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.config.InvalidConfigurationException;
import java.time.Duration;

/**
 * How a job is scheduled: the keys {@code icegate.maintain.<job>.enabled}, {@code .interval} and
 * {@code .dry-run}.
 *
 * @param enabled whether this process runs the job at all (default true)
 * @param interval pause between the end of one run and the start of the next
 * @param dryRun report what would be deleted, delete nothing (default false)
 */
public record JobSettings(boolean enabled, Duration interval, boolean dryRun) {
  public JobSettings {
    requireNonNull(interval, "interval is null");
  }

  /** Applies defaults to configured values that may be absent. */
  public static JobSettings of(
      String job, Boolean enabled, Duration interval, Boolean dryRun, Duration defaultInterval) {
    Duration chosen = interval == null ? defaultInterval : interval;
    if (chosen.isNegative() || chosen.isZero()) {
      throw new InvalidConfigurationException(
          "icegate.maintain." + job + ".interval", "must be positive, got " + chosen);
    }
    return new JobSettings(enabled == null || enabled, chosen, dryRun != null && dryRun);
  }
}
