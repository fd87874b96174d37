package io.icegate.query.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.ingest.shift.ShiftSettings;
import io.icegate.ingest.shift.Shifter;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.FaultInjectingObjectStore;
import io.icegate.lake.store.FaultInjectingObjectStore.Operation;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.store.StorageException;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.view.LakeChangedException;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalKeys;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import io.icegate.query.sql.SqlEngine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Files vanishing under a running query (compaction and cleanup racing it) and storage failing: the
 * query re-plans while it has returned nothing, fails with a clear message after that, and never
 * answers wrong rows; storage errors fail the query, not the scanner.
 */
class ScanFaultTest {
  private static final Instant DAY = Instant.parse("2026-11-25T12:00:00Z");
  private static final TenantId TENANT = new TenantId("team-a");

  private final InMemoryObjectStore memory = new InMemoryObjectStore();
  private final FaultInjectingObjectStore store = new FaultInjectingObjectStore(memory);
  private final LakeLocations locations = new LakeLocations("memory://lake");
  private final LakeScanner scanner =
      new LakeScanner(store, locations, "lake", Map.of(), Duration.ofMinutes(15));

  ScanFaultTest() {
    new LakeTableCreator(catalog()).createMissing();
  }

  @AfterEach
  void close() {
    scanner.close();
  }

  @Test
  void dataFileCompactedAwayBeforeTheFirstRowIsReadFromTheNewSnapshot() {
    append(0, 300);
    shift();
    try (ScanBatches scan = open()) {
      compactAndDeleteOld(); // after planning, before the first read

      assertThat(bodies(scan)).hasSize(300).doesNotHaveDuplicates();
    }
  }

  @Test
  void dataFileRemovedAfterRowsWereReturnedFailsTheQueryClearly() {
    append(0, 300);
    shift();
    append(300, 300);
    shift();
    try (ScanBatches scan = open()) {
      assertThat(scan.loadNextBatch()).isTrue();
      assertThat(scan.current().getRowCount()).isEqualTo(BatchSizes.FIRST_BATCH_ROWS);
      compactAndDeleteOld();

      assertThatThrownBy(() -> bodies(scan))
          .isInstanceOf(LakeChangedException.class)
          .hasMessage(
              "Cannot finish reading logs: a file was removed while the query read it (compaction"
                  + " or cleanup); run the query again");
    }
  }

  @Test
  void walSegmentCleanedUpUnderTheQueryIsReadFromTheShiftedSnapshot() {
    append(0, 5);
    try (ScanBatches scan = open()) {
      shift();
      memory.delete(new WalKeys.SegmentId(WalSignal.LOGS, "lane-0", 1).key());

      assertThat(bodies(scan))
          .containsExactlyInAnyOrder("line 0", "line 1", "line 2", "line 3", "line 4");
    }
  }

  @Test
  void storageErrorsFailTheQueryAndTheNextQueryAnswers() {
    append(0, 20);
    shift();
    append(20, 5);
    // Data files only: Iceberg retries failed metadata reads with backoff for many seconds.
    String table = key(catalog().loadTable(LakeTables.logs().identifier()).location());
    String data = table + "/data/";
    store.failBeforeSending(Operation.GET_RANGE, data, 1000);
    store.failBeforeSending(Operation.GET, data, 1000);
    try (SqlEngine engine = new SqlEngine(scanner, QueryLimits.defaults())) {
      assertThatThrownBy(() -> engine.execute(TENANT, "SELECT COUNT(*) FROM logs"))
          .isInstanceOf(StorageException.class)
          .hasMessageContaining("injected failure before sending");

      store.clear();

      assertThat(engine.execute(TENANT, "SELECT COUNT(*) FROM logs").rows())
          .containsExactly(new Object[] {25L});
    }
  }

  private ScanBatches open() {
    return scanner
        .open(TENANT, new QueryBudget(QueryLimits.defaults()))
        .scan(ScanRequest.all(WalSignal.LOGS).select(List.of("body")));
  }

  private static List<Object> bodies(ScanBatches scan) {
    List<Object> bodies = new ArrayList<>();
    while (scan.loadNextBatch()) {
      for (int r = 0; r < scan.current().getRowCount(); r++) {
        bodies.add(ArrowPlainValues.value(scan.current().getVector(0), r));
      }
    }
    return bodies;
  }

  /** What compaction plus cleanup do: the same rows in new files, the old files deleted. */
  private void compactAndDeleteOld() {
    Table table = catalog().loadTable(LakeTables.logs().identifier());
    List<DataFile> old = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(task -> old.add(task.file()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    RewriteFiles rewrite = table.newRewrite();
    for (DataFile file : old) {
      String copy =
          file.location().replace(".parquet", "-compacted-" + UUID.randomUUID() + ".parquet");
      memory.put(key(copy), memory.get(key(file.location())));
      rewrite.deleteFile(file);
      rewrite.addFile(DataFiles.builder(table.spec()).copy(file).withPath(copy).build());
    }
    rewrite.commit();
    old.forEach(file -> memory.delete(key(file.location())));
  }

  private String key(String location) {
    return locations.key(location);
  }

  private void shift() {
    new Shifter(
            catalog().loadTable(LakeTables.logs().identifier()),
            store,
            WalSignal.LOGS,
            ShiftSettings.defaults())
        .shiftOnce()
        .orElseThrow();
  }

  private void append(int from, int count) {
    List<Record> rows = new ArrayList<>();
    for (int n = from; n < from + count; n++) {
      GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
      row.setField("tenant_id", TENANT.value());
      row.setField("timestamp", DAY.plusMillis(n).atOffset(ZoneOffset.UTC));
      row.setField("service_name", "svc-" + n % 4);
      row.setField("body", "line " + n);
      rows.add(row);
    }
    try (WalWriter wal =
        new WalWriter(
            store,
            WalSignal.LOGS,
            new WalWriterSettings(
                List.of("lane-0"), 16L << 20, Duration.ZERO, Duration.ofSeconds(30), 64L << 20),
            lane -> 0,
            Clock.systemUTC())) {
      wal.append(new WalBatchRows(String.format("%032x", from + 1), TENANT, rows), 100).join();
    }
  }

  private ObjectStoreCatalog catalog() {
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, locations);
    catalog.initialize("lake", Map.of());
    return catalog;
  }
}
