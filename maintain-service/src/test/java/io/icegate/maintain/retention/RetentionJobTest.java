package io.icegate.maintain.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.ingest.shift.PartitionedFileWriter;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.view.LakeQuery;
import io.icegate.lake.view.LakeView;
import io.icegate.lake.wal.WalSignal;
import io.icegate.maintain.TestLake;
import io.icegate.maintain.job.JobReport;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

/**
 * Retention against a real lake: rows written through the shifter's file writer for several days
 * and tenants, read back through the lake view (the scan layer under SQL and LogQL) after the job.
 */
class RetentionJobTest {
  private static final TenantId A = new TenantId("team-a");
  private static final TenantId B = new TenantId("team-b");
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 8);
  // 10:00 UTC on TODAY.
  private static final Clock NOW =
      Clock.fixed(TODAY.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  @Test
  void dropsWholeDaysPastThePeriodAndKeepsYoungerOnes() {
    try (TestLake lake = new TestLake("lane-0")) {
      // Days TODAY-0 .. TODAY-5, two rows each, for both tenants.
      write(lake.logs(), A, 6);
      write(lake.logs(), B, 6);
      RetentionRules rules = rules(Map.of("logs", "3d"), Map.of());

      JobReport dry = new RetentionJob(lake.catalog, rules, Map::of, NOW).run(true);
      assertThat(days(lake, A)).hasSize(6);
      assertThat(dry.actions()).hasSize(4);

      JobReport report = new RetentionJob(lake.catalog, rules, Map::of, NOW).run(false);

      // Day TODAY-3 ends at TODAY-2 00:00; + 3d = TODAY+1 00:00 > now: kept. TODAY-4 ends at
      // TODAY-3 00:00 + 3d = TODAY 00:00 <= now: dropped.
      assertThat(days(lake, A))
          .containsExactlyInAnyOrder(
              TODAY, TODAY.minusDays(1), TODAY.minusDays(2), TODAY.minusDays(3));
      assertThat(days(lake, B))
          .containsExactlyInAnyOrder(
              TODAY, TODAY.minusDays(1), TODAY.minusDays(2), TODAY.minusDays(3));
      assertThat(report.counts())
          .containsEntry("retention.dropped.partitions", 4L)
          .containsEntry("retention.dropped.rows", 8L);
      assertThat(report.actions())
          .contains("drop logs tenant=team-a day=" + TODAY.minusDays(5) + " (1 files, 2 rows)");
      // Nothing more to do on a second run.
      assertThat(new RetentionJob(lake.catalog, rules, Map::of, NOW).run(false).actions())
          .isEmpty();
    }
  }

  @Test
  void aTenantOverrideAppliesToThatTenantOnlyAndTheApiWinsOverConfiguration() {
    try (TestLake lake = new TestLake("lane-0")) {
      write(lake.logs(), A, 10);
      write(lake.logs(), B, 10);
      RetentionRules rules = rules(Map.of("logs", "7d"), Map.of("team-a.logs", "2d"));

      new RetentionJob(lake.catalog, rules, Map::of, NOW).run(false);
      assertThat(days(lake, A)).hasSize(3);
      assertThat(days(lake, B)).hasSize(8);

      // Through the API, team-b keeps only one whole day besides today.
      RetentionPolicy api = RetentionPolicy.parse(Map.of("logs", "1d"), "");
      new RetentionJob(lake.catalog, rules, () -> Map.of(B, api), NOW).run(false);
      assertThat(days(lake, A)).hasSize(3);
      assertThat(days(lake, B)).containsExactlyInAnyOrder(TODAY, TODAY.minusDays(1));
    }
  }

  @Test
  void noPeriodMeansNothingIsEverDeletedAndZeroKeepsForever() {
    try (TestLake lake = new TestLake("lane-0")) {
      write(lake.logs(), A, 5);
      write(lake.logs(), B, 5);
      new RetentionJob(lake.catalog, rules(Map.of(), Map.of()), Map::of, NOW).run(false);
      Clock muchLater = Clock.offset(NOW, Duration.ofDays(3650));
      new RetentionJob(
              lake.catalog,
              rules(Map.of("logs", "1d"), Map.of("team-a.logs", "0")),
              Map::of,
              muchLater)
          .run(false);
      assertThat(days(lake, A)).hasSize(5);
      assertThat(days(lake, B)).isEmpty();
      // Other signals' periods do not touch logs.
      write(lake.logs(), B, 2);
      new RetentionJob(lake.catalog, rules(Map.of("spans", "1d"), Map.of()), Map::of, muchLater)
          .run(false);
      assertThat(days(lake, B)).hasSize(2);
    }
  }

  private static RetentionRules rules(Map<String, String> defaults, Map<String, String> tenants) {
    return RetentionSettings.rules(defaults, tenants);
  }

  /** Two rows per day for {@code days} days back from TODAY, one append per day. */
  private static void write(Table table, TenantId tenant, int days) {
    PartitionedFileWriter writer = new PartitionedFileWriter(table, 128L << 20);
    for (int d = 0; d < days; d++) {
      List<Record> rows = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
        row.setField("tenant_id", tenant.value());
        row.setField(
            "timestamp",
            OffsetDateTime.of(TODAY.minusDays(d).atTime(i == 0 ? 0 : 23, 59), ZoneOffset.UTC));
        row.setField("service_name", "svc");
        row.setField("body", tenant + " day " + d + " row " + i);
        rows.add(row);
      }
      AppendFiles append = table.newAppend();
      writer.write(rows).forEach(append::appendFile);
      append.commit();
      table.refresh();
    }
  }

  /** The distinct days of the tenant's rows, as the lake view returns them. */
  private static List<LocalDate> days(TestLake lake, TenantId tenant) {
    LakeView view = new LakeView(lake.catalog(), lake.store, Duration.ofMinutes(15));
    return view.read(LakeQuery.all(tenant, WalSignal.LOGS)).stream()
        .map(row -> ((OffsetDateTime) row.getField("timestamp")).toLocalDate())
        .distinct()
        .toList();
  }
}
