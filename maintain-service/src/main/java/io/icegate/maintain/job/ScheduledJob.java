package io.icegate.maintain.job;

import static java.util.Objects.requireNonNull;

/** A job's runner with its schedule. */
public record ScheduledJob(JobRunner runner, JobSettings settings) {
  public ScheduledJob {
    requireNonNull(runner, "runner is null");
    requireNonNull(settings, "settings is null");
  }

  public String name() {
    return runner.job().name();
  }
}
