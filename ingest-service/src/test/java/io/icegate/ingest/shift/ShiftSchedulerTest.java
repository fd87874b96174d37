package io.icegate.ingest.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.icegate.ingest.IngestApplication;
import io.icegate.ingest.lake.IngestTables;
import io.icegate.lake.lease.LeaseManager;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalAppender;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftSchedulerTest {
  @TempDir Path dataDir;

  @Test
  void ingestServiceCreatesItsTablesAndShiftsAppendedRows() {
    try (ApplicationContext ingest = start()) {
      WalAppender wal = ingest.getBean(WalAppender.class);
      for (int i = 0; i < 5; i++) {
        wal.append(WalSignal.LOGS, batch(i), 10).join();
      }

      IngestTables tables = ingest.getBean(IngestTables.class);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(bodies(tables))
                      .containsExactlyInAnyOrder("line 0", "line 1", "line 2", "line 3", "line 4"));
      assertThat(tables.committedOffsets(WalSignal.LOGS)).isNotEmpty();
    }
    // A restart continues each lane after its committed offset and shifts nothing twice.
    try (ApplicationContext ingest = start()) {
      ingest.getBean(WalAppender.class).append(WalSignal.LOGS, batch(5), 10).join();
      IngestTables tables = ingest.getBean(IngestTables.class);

      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(bodies(tables)).hasSize(6).contains("line 5"));
    }
  }

  @Test
  void unshiftedBytesPastTheThresholdStartAShiftLongBeforeTheInterval() {
    try (ApplicationContext ingest =
        start(
            Map.of(
                "icegate.shift.interval", "1h",
                "icegate.shift.check-interval", "100ms",
                "icegate.shift.trigger-bytes", "1"))) {
      // The first check of every signal is due; once the last signal's lease exists, the logs
      // shift of that check is over and only the byte trigger can shift within the hour.
      LeaseManager observer =
          new LeaseManager(ingest.getBean(ObjectStore.class), "observer", Clock.systemUTC());
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> observer.current("shifter-" + WalSignal.EVENTS.id()).isPresent());
      ingest.getBean(WalAppender.class).append(WalSignal.LOGS, batch(7), 10).join();

      IngestTables tables = ingest.getBean(IngestTables.class);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(bodies(tables)).containsExactly("line 7"));
    }
  }

  /**
   * Shutdown waits for the shifter: once the context is closed, nothing in the store changes (a
   * check that outlived its service used to write there and break the test's temp folder cleanup).
   */
  @Test
  void nothingIsWrittenAfterTheServiceClosed() throws IOException {
    for (int round = 0; round < 5; round++) {
      try (ApplicationContext ingest =
          start(Map.of("icegate.shift.interval", "10ms", "icegate.shift.check-interval", "10ms"))) {
        WalAppender wal = ingest.getBean(WalAppender.class);
        for (int i = 0; i < 5; i++) {
          wal.append(WalSignal.LOGS, batch(round * 5 + i), 10).join();
        }
        IngestTables tables = ingest.getBean(IngestTables.class);
        int expected = round * 5 + 1;
        await().atMost(Duration.ofSeconds(60)).until(() -> bodies(tables).size() >= expected);
      }
      Map<String, String> closed = StoreTree.of(dataDir);
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(StoreTree.of(dataDir)).as("the store after close").isEqualTo(closed));
    }
  }

  private ApplicationContext start() {
    return start(
        Map.of("icegate.shift.interval", "200ms", "icegate.shift.check-interval", "100ms"));
  }

  private ApplicationContext start(Map<String, Object> shift) {
    Map<String, Object> properties = new HashMap<>(shift);
    properties.put("micronaut.server.port", -1);
    properties.put("grpc.server.port", freePort());
    properties.put("icegate.storage.root", dataDir.toString());
    properties.put("icegate.wal.flush-interval", "20ms");
    return IngestApplication.start(properties);
  }

  private static int freePort() {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> bodies(IngestTables tables) {
    try (CloseableIterable<Record> rows =
        IcebergGenerics.read(tables.table(WalSignal.LOGS)).select("body").build()) {
      List<String> bodies = new ArrayList<>();
      rows.forEach(row -> bodies.add((String) row.getField("body")));
      return bodies;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static WalBatchRows batch(int n) {
    GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
    row.setField("tenant_id", "default");
    row.setField("timestamp", OffsetDateTime.of(2026, 11, 25, 12, 0, n, 0, ZoneOffset.UTC));
    row.setField("body", "line " + n);
    String id = String.format("%032x", n + 1);
    return new WalBatchRows(id, TenantId.DEFAULT, List.of(row));
  }
}
