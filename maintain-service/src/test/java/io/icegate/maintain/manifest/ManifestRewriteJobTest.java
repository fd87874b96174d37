package io.icegate.maintain.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.ingest.shift.PartitionedFileWriter;
import io.icegate.lake.catalog.WalOffsetsCheck;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.view.LakeQuery;
import io.icegate.lake.wal.WalSignal;
import io.icegate.maintain.TestLake;
import io.icegate.maintain.job.JobReport;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

class ManifestRewriteJobTest {
  private static final List<String> TENANTS = List.of("team-a", "team-b", "team-c");

  @Test
  void rewritesManifestsPastTheThresholdOnePerPartition() {
    try (TestLake lake = new TestLake("lane-0")) {
      // 20 fast appends, each touching 3 tenants x 2 days: 20 manifests over 6 partitions.
      for (int i = 0; i < 20; i++) {
        fastAppend(lake.logs(), i);
      }
      assertThat(manifests(lake.logs())).hasSize(20);
      Map<String, Integer> rowsBefore = rowsByTenant(lake);
      long snapshot = lake.metadata().currentSnapshot().snapshotId();

      JobReport dry = new ManifestRewriteJob(lake.catalog, 10).run(true);
      assertThat(dry.actions()).containsExactly("rewrite logs: 20 data manifests > 10");
      assertThat(lake.metadata().currentSnapshot().snapshotId()).isEqualTo(snapshot);
      assertThat(new ManifestRewriteJob(lake.catalog, 20).run(false).actions()).isEmpty();

      JobReport report = new ManifestRewriteJob(lake.catalog, 10).run(false);

      List<ManifestFile> after = manifests(lake.logs());
      assertThat(after).hasSize(6);
      // Each manifest holds one partition: one tenant (lower = upper bound of tenant_id).
      assertThat(after)
          .allSatisfy(
              m ->
                  assertThat(m.partitions().get(0).lowerBound())
                      .isEqualTo(m.partitions().get(0).upperBound()));
      assertThat(report.counts())
          .containsEntry("manifest.rewritten.manifests", 20L)
          .containsEntry("manifest.written.manifests", 6L);
      assertThat(report.actions().get(0)).startsWith("rewrite logs: 20 data manifests -> 6;");
      assertThat(lake.metadata().currentSnapshot().summary())
          .doesNotContainKeys(WalOffsetsCheck.OFFSETS, WalOffsetsCheck.OFFSETS_BASE);
      assertThat(rowsByTenant(lake)).isEqualTo(rowsBefore);
    }
  }

  private static void fastAppend(Table table, int n) {
    List<Record> rows = new ArrayList<>();
    for (String tenant : TENANTS) {
      for (int day = 0; day < 2; day++) {
        GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
        row.setField("tenant_id", tenant);
        row.setField(
            "timestamp", OffsetDateTime.of(2026, 11, 20 + day, 1, 0, n, 0, ZoneOffset.UTC));
        row.setField("service_name", "svc");
        row.setField("body", tenant + " " + day + " " + n);
        rows.add(row);
      }
    }
    table.refresh();
    AppendFiles append = table.newFastAppend();
    new PartitionedFileWriter(table, 1L << 20).write(rows).forEach(append::appendFile);
    append.commit();
  }

  private static List<ManifestFile> manifests(Table table) {
    table.refresh();
    return table.currentSnapshot().dataManifests(table.io());
  }

  private static Map<String, Integer> rowsByTenant(TestLake lake) {
    Map<String, Integer> rows = new java.util.TreeMap<>();
    for (String tenant : TENANTS) {
      rows.put(
          tenant, lake.view().read(LakeQuery.all(new TenantId(tenant), WalSignal.LOGS)).size());
    }
    return rows;
  }
}
