package io.icegate.maintain.job;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.lease.LeaseGrant;
import io.icegate.lake.lease.LeaseManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job under its lease ({@code maintain-<job>}) and records what happened: counters of runs
 * by outcome, deleted (or, in dry runs, deletable) objects and bytes, errors, and the time of the
 * last successful run. The lease is kept across runs and renewed when half of it is gone, so a job
 * runs in one process at a time; it is handed back by {@link #release}.
 */
public final class JobRunner {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);

  /** Whether a run happened, and its report. */
  public enum Outcome {
    SUCCESS,
    FAILURE,
    /** Another process holds the job's lease. */
    SKIPPED
  }

  private final MaintenanceJob job;
  private final LeaseManager leases;
  private final Duration leaseDuration;
  private final Clock clock;
  private final MeterRegistry registry;
  private final AtomicLong lastSuccessSeconds = new AtomicLong();
  private final Counter errors;
  private LeaseGrant held;
  private volatile Optional<JobReport> lastReport = Optional.empty();

  public JobRunner(
      MaintenanceJob job,
      LeaseManager leases,
      Duration leaseDuration,
      Clock clock,
      MeterRegistry registry) {
    this.job = requireNonNull(job, "job is null");
    this.leases = requireNonNull(leases, "leases is null");
    this.leaseDuration = requireNonNull(leaseDuration, "leaseDuration is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.errors = registry.counter("icegate.maintain.errors", "job", job.name());
    Gauge.builder("icegate.maintain.last.success", lastSuccessSeconds, AtomicLong::get)
        .tag("job", job.name())
        .description("Unix time in seconds of the job's last successful run (0: none yet)")
        .baseUnit("seconds")
        .register(registry);
  }

  public MaintenanceJob job() {
    return job;
  }

  /** The report of the newest completed run in this process. */
  public Optional<JobReport> lastReport() {
    return lastReport;
  }

  /** Runs the job once if this process holds (or can take) its lease. */
  public synchronized Outcome runOnce(boolean dryRun) {
    try {
      if (!holdLease()) {
        count(Outcome.SKIPPED);
        return Outcome.SKIPPED;
      }
    } catch (RuntimeException e) {
      return failed(e);
    }
    try {
      JobReport report = job.run(dryRun);
      lastReport = Optional.of(report);
      String prefix = dryRun ? "icegate.maintain.dry.run." : "icegate.maintain.deleted.";
      registry.counter(prefix + "objects", "job", job.name()).increment(report.objects());
      registry.counter(prefix + "bytes", "job", job.name()).increment(report.bytes());
      String measures = dryRun ? "icegate.maintain.dry.run." : "icegate.maintain.";
      report
          .counts()
          .forEach(
              (name, amount) ->
                  registry.counter(measures + name, "job", job.name()).increment(amount));
      lastSuccessSeconds.set(clock.instant().getEpochSecond());
      count(Outcome.SUCCESS);
      if (report.objects() > 0 || !report.actions().isEmpty()) {
        LOG.info(
            "{}{}: {} objects ({} bytes){} {}",
            job.name(),
            dryRun ? " (dry run, nothing deleted)" : "",
            report.objects(),
            report.bytes(),
            report.examples().isEmpty() ? "" : " e.g. " + report.examples().get(0),
            report.actions());
      }
      return Outcome.SUCCESS;
    } catch (RuntimeException e) {
      return failed(e);
    }
  }

  /** Hands the lease over, so another process can run the job at once (shutdown). */
  public synchronized void release() {
    if (held != null) {
      try {
        leases.release(held);
      } catch (RuntimeException e) {
        LOG.warn("Cannot release lease of {}: {}", job.name(), e.toString());
      }
      held = null;
    }
  }

  private Outcome failed(RuntimeException e) {
    errors.increment();
    count(Outcome.FAILURE);
    LOG.warn("{} failed; nothing more deleted this run: {}", job.name(), e.toString());
    return Outcome.FAILURE;
  }

  private void count(Outcome outcome) {
    registry
        .counter(
            "icegate.maintain.runs",
            "job",
            job.name(),
            "outcome",
            outcome.name().toLowerCase(Locale.ROOT))
        .increment();
  }

  private boolean holdLease() {
    Optional<LeaseGrant> next;
    if (held != null && held.validFor(leaseDuration.dividedBy(2))) {
      return true;
    } else if (held != null && held.validFor(Duration.ZERO)) {
      next = leases.renew(held);
    } else {
      next = leases.tryAcquire("maintain-" + job.name(), leaseDuration);
    }
    held = next.orElse(null);
    return next.isPresent();
  }
}
