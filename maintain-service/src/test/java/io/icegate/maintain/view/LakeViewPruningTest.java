package io.icegate.maintain.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.view.LakeQuery;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.icegate.maintain.TestLake;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.expressions.Expressions;
import org.junit.jupiter.api.Test;

/**
 * The lake view opens only the data files a query can match: the tenant and the time range prune
 * partitions (identity(tenant_id), day(timestamp)), a column filter prunes files by their column
 * statistics. Counted by the data-file keys the store is asked for.
 */
class LakeViewPruningTest {
  private static final OffsetDateTime DAY_1 =
      OffsetDateTime.of(2026, 11, 25, 8, 0, 0, 0, ZoneOffset.UTC);
  private static final OffsetDateTime DAY_2 = DAY_1.plusDays(1);
  private static final TenantId TEAM_B = new TenantId("team-b");

  @Test
  void readsOnlyTheDataFilesOfTheQueriedTenantDaysAndColumnValues() {
    try (TestLake lake = new TestLake("lane-0")) {
      append(lake, 1, TestLake.TENANT, DAY_1, "alpha");
      append(lake, 2, TestLake.TENANT, DAY_2, "alpha");
      append(lake, 3, TEAM_B, DAY_1, "alpha");
      lake.shifter().shiftOnce().orElseThrow();
      append(lake, 4, TestLake.TENANT, DAY_2, "omega");
      lake.shifter().shiftOnce().orElseThrow();
      Set<String> opened = ConcurrentHashMap.newKeySet();
      lake.store.onCrashPoint(
          (point, key) -> {
            if (key.contains("/data/") && point.endsWith(":before")) {
              opened.add(key);
            }
          });

      List<String> day2 =
          bodies(
              lake,
              LakeQuery.all(TestLake.TENANT, WalSignal.LOGS)
                  .between(DAY_2.toInstant(), DAY_2.plusDays(1).toInstant()));

      assertThat(day2).containsExactlyInAnyOrder("2", "4");
      assertThat(opened)
          .hasSize(2)
          .allMatch(key -> key.contains("tenant_id=team-a/timestamp_day=2026-11-26/"));

      opened.clear();
      List<String> omega =
          bodies(
              lake,
              LakeQuery.all(TestLake.TENANT, WalSignal.LOGS)
                  .where(Expressions.equal("service_name", "omega")));

      assertThat(omega).containsExactly("4");
      assertThat(opened).hasSize(1);

      opened.clear();
      assertThat(bodies(lake, LakeQuery.all(TEAM_B, WalSignal.LOGS))).containsExactly("3");
      assertThat(opened).hasSize(1).allMatch(key -> key.contains("tenant_id=team-b/"));
    }
  }

  private static List<String> bodies(TestLake lake, LakeQuery query) {
    return lake.view().read(query).stream().map(row -> (String) row.getField("body")).toList();
  }

  private static void append(
      TestLake lake, int n, TenantId tenant, OffsetDateTime time, String service) {
    GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
    row.setField("tenant_id", tenant.value());
    row.setField("timestamp", time);
    row.setField("service_name", service);
    row.setField("body", Integer.toString(n));
    lake.wal.append(new WalBatchRows(String.format("%032x", n), tenant, List.of(row)), 10).join();
  }
}
