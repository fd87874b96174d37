package io.icegate.maintain;

import io.icegate.maintain.job.JobReport;
import io.icegate.maintain.job.JobRunner;
import io.icegate.maintain.job.JobSchedule;
import io.icegate.maintain.job.ScheduledJob;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /maintain/jobs}: each job's schedule and last report. {@code POST
 * /maintain/jobs/{job}/run?dry-run=true}: runs a job now (under its lease) and answers its report,
 * so an operator can see what a job would delete before turning dry-run off.
 */
@Controller("/maintain/jobs")
@ExecuteOn(TaskExecutors.BLOCKING)
final class JobsController {
  private final JobSchedule schedule;

  JobsController(JobSchedule schedule) {
    this.schedule = schedule;
  }

  /** One job as listed. */
  @Introspected
  record JobStatus(
      String name, boolean enabled, String interval, boolean dryRun, @Nullable JobReport last) {}

  /** The answer to a run request. */
  @Introspected
  record RunResult(String job, String outcome, @Nullable JobReport report) {}

  @Get
  List<JobStatus> list() {
    return schedule.jobs().stream().map(JobsController::status).toList();
  }

  @Post("/{job}/run")
  HttpResponse<?> run(
      @PathVariable String job,
      @QueryValue(value = "dry-run", defaultValue = "true") boolean dryRun) {
    return schedule
        .job(job)
        .<HttpResponse<?>>map(
            scheduled -> {
              JobRunner.Outcome outcome = scheduled.runner().runOnce(dryRun);
              JobReport report =
                  outcome == JobRunner.Outcome.SUCCESS
                      ? scheduled.runner().lastReport().orElse(null)
                      : null;
              return HttpResponse.ok(
                  new RunResult(job, outcome.name().toLowerCase(java.util.Locale.ROOT), report));
            })
        .orElseGet(
            () ->
                HttpResponse.status(HttpStatus.NOT_FOUND)
                    .body(
                        Map.of(
                            "error",
                            "Unknown job '"
                                + job
                                + "' (expected one of "
                                + schedule.jobs().stream().map(ScheduledJob::name).toList()
                                + ")")));
  }

  private static JobStatus status(ScheduledJob job) {
    return new JobStatus(
        job.name(),
        job.settings().enabled(),
        job.settings().interval().toString(),
        job.settings().dryRun(),
        job.runner().lastReport().orElse(null));
  }
}
