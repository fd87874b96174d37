package io.icegate.maintain.retention;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalSignal;
import io.icegate.maintain.job.JobReport;
import io.icegate.maintain.job.MaintenanceJob;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.iceberg.DeleteFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.util.DateTimeUtil;

/**
 * Drops the day partitions whose whole day is older than the tenant's retention period for the
 * signal (DESIGN.md §8): a day D goes once {@code D+1 00:00 UTC + period <= now}; the current day
 * never (a period is at least one day). One metadata-only delete per table ({@code DeleteFiles}
 * with a row filter per expired tenant and day, which Iceberg matches to whole partitions): no data
 * file is read or rewritten, and a file a concurrent shift or compaction adds to an expired day is
 * caught because the filter is re-applied on every commit retry. The files leave the table at once
 * (every API reads the table's current snapshot); snapshot expiry deletes them from storage later.
 *
 * <p>The snapshot carries no WAL offsets, so the shifter's offsets check walks past it (DESIGN.md
 * §6).
 */
public final class RetentionJob implements MaintenanceJob {
  private final Catalog catalog;
  private final RetentionRules rules;
  private final Supplier<Map<TenantId, RetentionPolicy>> stored;
  private final Clock clock;

  /**
   * @param stored reads the policies set through the REST API (once per run)
   */
  public RetentionJob(
      Catalog catalog,
      RetentionRules rules,
      Supplier<Map<TenantId, RetentionPolicy>> stored,
      Clock clock) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.rules = requireNonNull(rules, "rules is null");
    this.stored = requireNonNull(stored, "stored is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public String name() {
    return "retention";
  }

  @Override
  public JobReport run(boolean dryRun) {
    JobReport.Builder report = new JobReport.Builder(dryRun);
    Map<TenantId, RetentionPolicy> policies = new HashMap<>(stored.get());
    Instant now = clock.instant();
    for (WalSignal signal : WalSignal.values()) {
      if (catalog.tableExists(signal.table().identifier())) {
        expire(catalog.loadTable(signal.table().identifier()), signal, policies, now, report);
      }
    }
    return report.build();
  }

  private void expire(
      Table table,
      WalSignal signal,
      Map<TenantId, RetentionPolicy> policies,
      Instant now,
      JobReport.Builder report) {
    if (table.currentSnapshot() == null) {
      return;
    }
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    List<DayPartitions.Partition> expired = new ArrayList<>();
    for (DayPartitions.Partition partition : DayPartitions.of(table)) {
      Optional<RetentionRules.Effective> rule =
          rules.effective(
              partition.tenant(), signal, Optional.ofNullable(policies.get(partition.tenant())));
      if (rule.isEmpty() || rule.get().period().forever() || !partition.day().isBefore(today)) {
        continue;
      }
      Instant dayEnd = partition.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      if (!dayEnd.plus(rule.get().period().duration()).isAfter(now)) {
        expired.add(partition);
      }
    }
    if (expired.isEmpty()) {
      return;
    }
    Expression filter = Expressions.alwaysFalse();
    for (DayPartitions.Partition partition : expired) {
      filter = Expressions.or(filter, dayOf(partition));
      report.action(
          "drop "
              + signal.id()
              + " tenant="
              + partition.tenant()
              + " day="
              + partition.day()
              + " ("
              + partition.files()
              + " files, "
              + partition.rows()
              + " rows)");
      report.count("retention.dropped.partitions", 1);
      report.count("retention.dropped.files", partition.files());
      report.count("retention.dropped.rows", partition.rows());
      report.count("retention.dropped.bytes", partition.bytes());
    }
    if (!report.dryRun()) {
      DeleteFiles delete = table.newDelete().deleteFromRowFilter(filter);
      delete.set("icegate.maintain.job", name());
      delete.commit();
    }
  }

  /** The rows of one tenant's day: a filter Iceberg projects exactly onto that partition. */
  private static Expression dayOf(DayPartitions.Partition partition) {
    long from =
        DateTimeUtil.microsFromInstant(partition.day().atStartOfDay(ZoneOffset.UTC).toInstant());
    long to =
        DateTimeUtil.microsFromInstant(
            partition.day().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    return Expressions.and(
        Expressions.equal("tenant_id", partition.tenant().value()),
        Expressions.and(
            Expressions.greaterThanOrEqual("timestamp", from),
            Expressions.lessThan("timestamp", to)));
  }
}
