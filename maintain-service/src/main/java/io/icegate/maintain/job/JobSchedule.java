package io.icegate.maintain.job;

import java.util.List;
import java.util.Optional;

/** Every job of this process with its schedule, in a fixed order. */
public record JobSchedule(List<ScheduledJob> jobs) {
  public JobSchedule {
    jobs = List.copyOf(jobs);
  }

  public Optional<ScheduledJob> job(String name) {
    return jobs.stream().filter(job -> job.name().equals(name)).findFirst();
  }
}
