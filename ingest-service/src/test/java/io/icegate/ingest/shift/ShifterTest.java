package io.icegate.ingest.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.catalog.WalOffsetsCheck;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShifterTest {
  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final WalWriter wal = newWal();

  @AfterEach
  void closeWal() {
    wal.close();
  }

  @Test
  void shiftsEveryAcknowledgedRowExactlyOnce() {
    List<String> bodies = append(0, 30, "team-a");
    bodies.addAll(append(30, 20, "team-b"));
    Shifter shifter = shifter();

    Shifter.ShiftResult result = shifter.shiftOnce().orElseThrow();

    assertThat(result.rows()).isEqualTo(50);
    assertThat(bodies(table())).containsExactlyInAnyOrderElementsOf(bodies);
    assertThat(shifter.shiftOnce()).isEmpty();
    assertThat(table().currentSnapshot().summary())
        .containsEntry(
            WalOffsetsCheck.OFFSETS, "{\"lane-0\":" + result.offsets().get("lane-0") + "}")
        .containsEntry(WalOffsetsCheck.OFFSETS_BASE, "{}");
  }

  @Test
  void retriedBatchIsStoredOnceWithinTheDedupWindow() {
    WalBatchRows batch = batch(7, "team-a", "retried line");
    wal.append(batch, 10).join();
    wal.append(batch, 10).join(); // a retry before the first shift
    shifter().shiftOnce().orElseThrow();
    wal.append(batch, 10).join(); // a retry after it

    Shifter.ShiftResult second = shifter().shiftOnce().orElseThrow();

    assertThat(second.rows()).isZero();
    assertThat(second.duplicateRows()).isEqualTo(1);
    assertThat(bodies(table())).containsExactly("retried line");
  }

  @Test
  void racingShiftersStoreEachRowOnceAndOffsetsNeverGoBack() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    AtomicBoolean appending = new AtomicBoolean(true);
    List<String> sent = new ArrayList<>();
    try {
      Future<?> appender =
          pool.submit(
              () -> {
                for (int i = 0; i < 40; i++) {
                  sent.addAll(append(i * 5, 5, "team-" + (i % 3)));
                }
                appending.set(false);
              });
      List<Future<?>> shifters = new ArrayList<>();
      for (int s = 0; s < 2; s++) {
        Shifter shifter = shifter(); // each with its own catalog, as in separate processes
        shifters.add(
            pool.submit(
                () -> {
                  long last = 0;
                  while (appending.get() || shifter.shiftOnce().isPresent()) {
                    shifter.shiftOnce();
                    long now = committedSeq();
                    assertThat(now).isGreaterThanOrEqualTo(last);
                    last = now;
                  }
                  return null;
                }));
      }
      appender.get();
      for (Future<?> shifter : shifters) {
        shifter.get();
      }
    } finally {
      pool.shutdownNow();
    }
    shifter().shiftOnce();

    assertThat(bodies(table())).containsExactlyInAnyOrderElementsOf(sent);
  }

  @Test
  void ancestryWithoutOffsetsStopsTheShifterLoudly() {
    Table table = table();
    table
        .newAppend()
        .appendFile(
            DataFiles.builder(table.spec())
                .withPath(table.location() + "/data/external.parquet")
                .withFileSizeInBytes(10)
                .withRecordCount(1)
                .withPartitionPath("tenant_id=x/timestamp_day=2026-11-25")
                .build())
        .commit();
    long external = table().currentSnapshot().snapshotId();
    append(0, 1, "team-a");
    shifter().shiftOnce().orElseThrow();
    table().manageSnapshots().rollbackTo(external).commit();

    assertThatThrownBy(() -> shifter().shiftOnce())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "Cannot shift logs: the table has IceGate snapshots but the current snapshot's"
                + " ancestry has no icegate.wal.offsets");
  }

  private long committedSeq() {
    Table table = table();
    return WalOffsetsCheck.committedOffsets(
            ((org.apache.iceberg.HasTableOperations) table).operations().current(),
            table.currentSnapshot() == null ? null : table.currentSnapshot().snapshotId())
        .getOrDefault("lane-0", 0L);
  }

  private List<String> append(int first, int count, String tenant) {
    List<String> bodies = new ArrayList<>();
    for (int i = first; i < first + count; i++) {
      String body = tenant + " line " + i;
      wal.append(batch(i, tenant, body), 10).join();
      bodies.add(body);
    }
    return bodies;
  }

  private Shifter shifter() {
    return new Shifter(table(catalog()), store, WalSignal.LOGS, ShiftSettings.defaults());
  }

  private Table table() {
    return table(catalog());
  }

  private static Table table(ObjectStoreCatalog catalog) {
    return catalog.loadTable(LakeTables.logs().identifier());
  }

  private ObjectStoreCatalog catalog() {
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, new LakeLocations("memory://lake"));
    catalog.initialize("lake", Map.of());
    new LakeTableCreator(catalog).createMissing();
    return catalog;
  }

  private WalWriter newWal() {
    WalWriterSettings settings =
        new WalWriterSettings(
            List.of("lane-0"), 16L << 20, Duration.ZERO, Duration.ofSeconds(30), 64L << 20);
    return new WalWriter(store, WalSignal.LOGS, settings, lane -> 0, Clock.systemUTC());
  }

  private static List<String> bodies(Table table) {
    try (CloseableIterable<Record> rows = IcebergGenerics.read(table).select("body").build()) {
      List<String> bodies = new ArrayList<>();
      rows.forEach(row -> bodies.add((String) row.getField("body")));
      return bodies;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static WalBatchRows batch(int n, String tenant, String body) {
    GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
    row.setField("tenant_id", tenant);
    row.setField(
        "timestamp", OffsetDateTime.of(2026, 11, 24 + n % 2, 12, 0, n % 60, 0, ZoneOffset.UTC));
    row.setField("service_name", "svc-" + n % 4);
    row.setField("body", body);
    byte[] id = new byte[16];
    id[0] = (byte) n;
    id[1] = (byte) (n >> 8);
    id[15] = (byte) tenant.hashCode();
    return new WalBatchRows(HexFormat.of().formatHex(id), new TenantId(tenant), List.of(row));
  }
}
