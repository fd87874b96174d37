package io.icegate.maintain.job;

/**
 * One maintenance job (DESIGN.md §8). A run must be safe to repeat and to overlap with another
 * process's run of the same job: leases only avoid wasted work, so every deletion is justified by
 * what the run itself read, and every table change is a guarded commit.
 */
public interface MaintenanceJob {
  /** The job's name: its lease ({@code maintain-<name>}), metrics tag and config key. */
  String name();

  /**
   * Runs the job once.
   *
   * @param dryRun when true, nothing is deleted or committed; the report lists what would be
   * @throws RuntimeException on any read error before deleting: jobs fail closed
   */
  JobReport run(boolean dryRun);
}
