package io.icegate.maintain.job;

import io.icegate.lake.runtime.PeriodicTask;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts every enabled job on its interval (a fixed delay between the end of one run and the start
 * of the next, so runs of one job never overlap in a process) and hands the leases back at
 * shutdown, after the runs under way have ended: a job never deletes after its service closed.
 */
@Context
final class JobScheduler {
  private static final Duration FIRST_RUN_DELAY = Duration.ofSeconds(1);
  // A run under way at shutdown is waited for this long, then interrupted.
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final JobSchedule schedule;
  private final List<PeriodicTask> running = new ArrayList<>();

  JobScheduler(JobSchedule schedule) {
    this.schedule = schedule;
    for (ScheduledJob job : schedule.jobs()) {
      if (job.settings().enabled()) {
        running.add(
            PeriodicTask.start(
                "maintain-" + job.runner().job().name(),
                FIRST_RUN_DELAY,
                job.settings().interval(),
                STOP_TIMEOUT,
                () -> job.runner().runOnce(job.settings().dryRun())));
      }
    }
  }

  @PreDestroy
  void stop() {
    running.forEach(PeriodicTask::close);
    schedule.jobs().forEach(job -> job.runner().release());
  }
}
