package io.icegate.maintain.manifest;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.wal.WalSignal;
import io.icegate.maintain.job.JobReport;
import io.icegate.maintain.job.MaintenanceJob;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Rewrites a table's data manifests grouped by partition once its current snapshot has more than
 * {@code maxManifests} of them (Iceberg's {@code RewriteManifests} with {@code clusterBy} the
 * partition): a query for one tenant and day then opens the manifests of that partition only,
 * pruned by the manifest list's partition summaries. The report gives the manifest counts and the
 * time to plan a full scan before and after.
 *
 * <p>The new snapshot carries no WAL offsets (DESIGN.md §6) and changes no data file; a concurrent
 * shift only adds a manifest, which Iceberg keeps when it re-applies the rewrite.
 */
public final class ManifestRewriteJob implements MaintenanceJob {
  private final Catalog catalog;
  private final int maxManifests;

  public ManifestRewriteJob(Catalog catalog, int maxManifests) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.maxManifests = maxManifests;
  }

  @Override
  public String name() {
    return "manifest-rewrite";
  }

  @Override
  public JobReport run(boolean dryRun) {
    JobReport.Builder report = new JobReport.Builder(dryRun);
    for (WalSignal signal : WalSignal.values()) {
      if (catalog.tableExists(signal.table().identifier())) {
        rewrite(catalog.loadTable(signal.table().identifier()), signal, report);
      }
    }
    return report.build();
  }

  private void rewrite(Table table, WalSignal signal, JobReport.Builder report) {
    if (table.currentSnapshot() == null) {
      return;
    }
    int before = dataManifests(table).size();
    if (before <= maxManifests) {
      return;
    }
    if (report.dryRun()) {
      report.action("rewrite " + signal.id() + ": " + before + " data manifests > " + maxManifests);
      report.count("manifest.candidate.manifests", before);
      return;
    }
    long planBefore = planningNanos(table);
    table
        .rewriteManifests()
        .rewriteIf(manifest -> manifest.content() == ManifestContent.DATA)
        .clusterBy(file -> partitionOf(table, file))
        .set("icegate.maintain.job", name())
        .commit();
    table.refresh();
    int after = dataManifests(table).size();
    long planAfter = planningNanos(table);
    report.count("manifest.rewritten.manifests", before);
    report.count("manifest.written.manifests", after);
    report.action(
        String.format(
            "rewrite %s: %d data manifests -> %d; planning a full scan %.1f ms -> %.1f ms",
            signal.id(), before, after, planBefore / 1e6, planAfter / 1e6));
  }

  private static List<ManifestFile> dataManifests(Table table) {
    return table.currentSnapshot().dataManifests(table.io());
  }

  private static String partitionOf(Table table, DataFile file) {
    PartitionSpec spec = table.specs().get(file.specId());
    return file.specId() + ":" + spec.partitionToPath(file.partition());
  }

  /** Time to plan every file of the current snapshot: what every query's planning pays at most. */
  private static long planningNanos(Table table) {
    long start = System.nanoTime();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(task -> {});
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot plan files of " + table.name(), e);
    }
    return System.nanoTime() - start;
  }
}
