package io.icegate.maintain.job;

import io.micronaut.context.annotation.Context;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * Starts every enabled job on its interval (a fixed delay between the end of one run and the start
 * of the next, so runs of one job never overlap in a process) and hands the leases back at
 * shutdown.
 */
@Context
final class JobScheduler {
  private static final Duration FIRST_RUN_DELAY = Duration.ofSeconds(1);

  private final JobSchedule schedule;
  private final List<ScheduledFuture<?>> running = new ArrayList<>();

  JobScheduler(JobSchedule schedule, @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
    this.schedule = schedule;
    for (ScheduledJob job : schedule.jobs()) {
      if (job.settings().enabled()) {
        running.add(
            scheduler.scheduleWithFixedDelay(
                FIRST_RUN_DELAY,
                job.settings().interval(),
                () -> job.runner().runOnce(job.settings().dryRun())));
      }
    }
  }

  @PreDestroy
  void stop() {
    running.forEach(future -> future.cancel(false));
    schedule.jobs().forEach(job -> job.runner().release());
  }
}
