package io.icegate.maintain.snapshot;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.catalog.WalOffsetsCheck;
import io.icegate.lake.wal.WalSignal;
import io.icegate.maintain.job.JobReport;
import io.icegate.maintain.job.MaintenanceJob;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.iceberg.ExpireSnapshots;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.Catalog;

/**
 * Expires old snapshots of the signal tables with Iceberg's {@code ExpireSnapshots} (which also
 * deletes the files only they reached). Of the current ancestry it always keeps:
 *
 * <ul>
 *   <li>every snapshot committed within the retention, and the one that was current when the
 *       retention began: a query planned up to a query timeout ago read one of these, and the
 *       retention exceeds the query timeout. Age is counted from when a snapshot stopped being
 *       current, not from its commit, so a long-current snapshot is safe right after a commit;
 *   <li>the newest snapshot carrying {@code icegate.wal.offsets} and everything between it and the
 *       current snapshot: the shifter and the lake view find the committed offsets by walking the
 *       ancestry, and an expired link would hide them;
 *   <li>the snapshots of the dedup window (the retention is at least the window), whose summaries
 *       name the batch-id index objects.
 * </ul>
 */
public final class SnapshotExpiryJob implements MaintenanceJob {
  private final Catalog catalog;
  private final Duration retention;
  private final Clock clock;

  public SnapshotExpiryJob(Catalog catalog, Duration retention, Clock clock) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.retention = requireNonNull(retention, "retention is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public String name() {
    return "snapshot-expiry";
  }

  @Override
  public JobReport run(boolean dryRun) {
    JobReport.Builder report = new JobReport.Builder(dryRun);
    for (WalSignal signal : WalSignal.values()) {
      if (catalog.tableExists(signal.table().identifier())) {
        expire(catalog.loadTable(signal.table().identifier()), report);
      }
    }
    return report.build();
  }

  private void expire(Table table, JobReport.Builder report) {
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    if (metadata.currentSnapshot() == null) {
      return;
    }
    long cutoff = clock.millis() - retention.toMillis();
    ExpireSnapshots expiry =
        table
            .expireSnapshots()
            .expireOlderThan(cutoff)
            .retainLast(ancestorsToKeep(metadata, cutoff))
            .deleteWith(
                location -> {
                  report.deleted(location, 0);
                  table.io().deleteFile(location);
                });
    if (report.dryRun()) {
      // apply() plans on a fresh refresh and changes nothing.
      expiry.apply().forEach(s -> report.action(describe(table, s)));
      return;
    }
    List<Snapshot> expired = expiry.apply();
    if (expired.isEmpty()) {
      return;
    }
    expiry.commit();
    expired.forEach(s -> report.action(describe(table, s)));
  }

  /**
   * How many snapshots of the current ancestry, newest first, must stay: through the first one
   * committed before the cutoff (it was current at the cutoff), and through the newest one with
   * offsets.
   */
  static int ancestorsToKeep(TableMetadata metadata, long cutoffMillis) {
    int keep = 1;
    boolean pastCutoff = false;
    boolean offsetsFound = false;
    int position = 0;
    for (Snapshot s = metadata.currentSnapshot();
        s != null && !(pastCutoff && offsetsFound);
        s = s.parentId() == null ? null : metadata.snapshot(s.parentId())) {
      position++;
      if (!pastCutoff) {
        keep = Math.max(keep, position);
        pastCutoff = s.timestampMillis() < cutoffMillis;
      }
      if (!offsetsFound) {
        keep = Math.max(keep, position);
        offsetsFound = s.summary() != null && s.summary().containsKey(WalOffsetsCheck.OFFSETS);
      }
    }
    return keep;
  }

  private static String describe(Table table, Snapshot snapshot) {
    return "expire snapshot " + snapshot.snapshotId() + " of " + table.name();
  }
}
