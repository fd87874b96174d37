package io.icegate.maintain.compaction;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.wal.WalSignal;
import io.icegate.maintain.job.JobReport;
import io.icegate.maintain.job.MaintenanceJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bin-packs and sorts the small data files of each partition (DESIGN.md §8), one {@code
 * RewriteFiles} commit per partition, validated from the snapshot it planned on: if a file it
 * replaces was removed meanwhile (retention, another compactor) the commit fails and its new files
 * are deleted; a shift committed meanwhile only appended, so Iceberg re-applies the rewrite on top.
 *
 * <p><b>No WAL offsets.</b> A compaction snapshot carries neither {@code icegate.wal.offsets} nor
 * {@code .base}: the committed offsets stay those of the newest shift in the ancestry, so a shift
 * planned before the compaction still passes the catalog's offsets check, and one planned after it
 * sees the same offsets (DESIGN.md §6). Rows are moved, never added or dropped, so readers of any
 * snapshot see each row once.
 *
 * <p>A run stops taking new groups once {@code maxBytesPerRun} input bytes are rewritten; a group
 * whose files took longer than {@code maxWriteTime} to write is not committed (the orphan job could
 * already have them in view). Files of a crashed run are found by the orphan job.
 */
public final class CompactionJob implements MaintenanceJob {
  private static final Logger LOG = LoggerFactory.getLogger(CompactionJob.class);
  static final String JOB_PROPERTY = "icegate.maintain.job";

  private final Catalog catalog;
  private final CompactionSettings settings;

  public CompactionJob(Catalog catalog, CompactionSettings settings) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.settings = requireNonNull(settings, "settings is null");
  }

  @Override
  public String name() {
    return "compaction";
  }

  @Override
  public JobReport run(boolean dryRun) {
    JobReport.Builder report = new JobReport.Builder(dryRun);
    long budget = settings.maxBytesPerRun();
    for (WalSignal signal : WalSignal.values()) {
      if (budget > 0 && catalog.tableExists(signal.table().identifier())) {
        budget -= compact(catalog.loadTable(signal.table().identifier()), signal, budget, report);
      }
    }
    return report.build();
  }

  /** Compacts one table within {@code budget} input bytes; returns the bytes it took. */
  private long compact(Table table, WalSignal signal, long budget, JobReport.Builder report) {
    if (table.currentSnapshot() == null) {
      return 0;
    }
    CompactionPlanner.Plan plan = new CompactionPlanner(settings).plan(table);
    GroupRewriter rewriter = new GroupRewriter(table, settings.targetFileSizeBytes());
    long taken = 0;
    for (Map.Entry<String, List<CompactionPlanner.Group>> partition :
        plan.byPartition().entrySet()) {
      List<CompactionPlanner.Group> groups = new ArrayList<>();
      for (CompactionPlanner.Group group : partition.getValue()) {
        if (taken + group.bytes() > budget && taken > 0) {
          break;
        }
        groups.add(group);
        taken += group.bytes();
      }
      if (groups.isEmpty()) {
        break;
      }
      String where =
          signal.id() + " " + partition.getKey().substring(partition.getKey().indexOf(':') + 1);
      if (report.dryRun()) {
        groups.forEach(g -> describe(report, where, g, -1));
        groups.forEach(g -> count(report, "compaction.candidate", g));
      } else {
        commit(table, plan.snapshotId(), where, groups, rewriter, report);
      }
      if (taken >= budget) {
        break;
      }
    }
    return taken;
  }

  private void commit(
      Table table,
      long plannedSnapshotId,
      String where,
      List<CompactionPlanner.Group> groups,
      GroupRewriter rewriter,
      JobReport.Builder report) {
    long started = System.nanoTime();
    List<DataFile> written = new ArrayList<>();
    for (CompactionPlanner.Group group : groups) {
      written.addAll(rewriter.rewrite(group));
    }
    if (System.nanoTime() - started > settings.maxWriteTime().toNanos()) {
      report.action("abandon " + where + ": writing took longer than " + settings.maxWriteTime());
      deleteQuietly(table, written);
      return;
    }
    RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(plannedSnapshotId);
    groups.forEach(g -> g.files().forEach(rewrite::deleteFile));
    written.forEach(rewrite::addFile);
    rewrite.set(JOB_PROPERTY, name());
    try {
      rewrite.commit();
    } catch (ValidationException | CommitFailedException e) {
      // Not committed, for sure: the new files are ours alone.
      LOG.info("Compaction of {} not committed: {}", where, e.getMessage());
      report.action("skip " + where + ": " + e.getMessage());
      report.count("compaction.conflicts", 1);
      deleteQuietly(table, written);
      return;
    }
    table.refresh();
    for (CompactionPlanner.Group group : groups) {
      count(report, "compaction.rewritten", group);
    }
    report.count("compaction.written.files", written.size());
    report.count(
        "compaction.written.bytes", written.stream().mapToLong(DataFile::fileSizeInBytes).sum());
    int files = groups.stream().mapToInt(g -> g.files().size()).sum();
    report.action(
        "compact "
            + where
            + ": "
            + files
            + " files ("
            + groups.stream().mapToLong(CompactionPlanner.Group::bytes).sum()
            + " bytes) -> "
            + written.size()
            + " files ("
            + written.stream().mapToLong(DataFile::fileSizeInBytes).sum()
            + " bytes)");
  }

  private static void describe(
      JobReport.Builder report, String where, CompactionPlanner.Group group, int written) {
    report.action(
        "compact "
            + where
            + ": "
            + group.files().size()
            + " files ("
            + group.bytes()
            + " bytes, "
            + group.rows()
            + " rows)"
            + (written < 0 ? " (dry run)" : ""));
  }

  private static void count(
      JobReport.Builder report, String prefix, CompactionPlanner.Group group) {
    report.count(prefix + ".files", group.files().size());
    report.count(prefix + ".rows", group.rows());
    report.count(prefix + ".bytes", group.bytes());
  }

  private static void deleteQuietly(Table table, List<DataFile> files) {
    for (DataFile file : files) {
      try {
        table.io().deleteFile(file.location());
      } catch (RuntimeException e) {
        // The orphan job will find it.
        LOG.warn("Cannot delete uncommitted compaction file {}: {}", file.location(), e.toString());
      }
    }
  }
}
