package io.icegate.maintain.catalog;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.catalog.RootVersionRetention;
import io.icegate.maintain.job.JobReport;
import io.icegate.maintain.job.MaintenanceJob;
import java.time.Duration;

/**
 * Removes old catalog root versions through the catalog's own retention (DESIGN.md §4): oldest
 * first, keeping at least the newest {@code keepNewest} and everything younger than {@code minAge},
 * both far beyond the commit deadline.
 */
public final class RootVersionCleanupJob implements MaintenanceJob {
  private final ObjectStoreCatalog catalog;
  private final int keepNewest;
  private final Duration minAge;

  public RootVersionCleanupJob(ObjectStoreCatalog catalog, int keepNewest, Duration minAge) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.keepNewest = keepNewest;
    this.minAge = requireNonNull(minAge, "minAge is null");
  }

  @Override
  public String name() {
    return "root-cleanup";
  }

  @Override
  public JobReport run(boolean dryRun) {
    RootVersionRetention.Result result =
        catalog.retention().removeOldVersions(keepNewest, minAge, dryRun);
    JobReport.Builder report = new JobReport.Builder(dryRun);
    result.removed().forEach(v -> report.deleted(String.format("catalog/root/v%020d.json", v), 0));
    return report.build();
  }
}
