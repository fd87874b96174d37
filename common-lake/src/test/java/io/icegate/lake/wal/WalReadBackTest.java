package io.icegate.lake.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.wal.WalKeys.SegmentId;
import io.icegate.proto.v1.WalBatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.TypeUtil;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What was appended is what two independent Parquet readers find in the WAL: DuckDB (its own C++
 * Parquet reader) and Iceberg's, row for row and field by field, for every signal table.
 */
class WalReadBackTest {
  private static final List<String> LANES = List.of("lane-a", "lane-b");

  @TempDir Path folder;

  @ParameterizedTest
  @EnumSource(WalSignal.class)
  void duckDbAndIcebergReadBackExactlyTheAppendedRows(WalSignal signal) throws Exception {
    Schema schema = signal.table().schema();
    List<WalBatchRows> appended = appendBatches(signal);
    List<Map<String, Object>> expected = new ArrayList<>();
    appended.forEach(
        b -> b.rows().forEach(r -> expected.add(CanonicalRows.fromIceberg(r, schema))));

    WalReader reader = new WalReader(new LocalObjectStore(folder));
    List<Map<String, Object>> viaIceberg = new ArrayList<>();
    Map<String, List<Map<String, Object>>> batchesRead = new HashMap<>();
    List<SegmentId> segments = new ArrayList<>();
    for (String lane : reader.lanes(signal)) {
      for (SegmentId id : reader.segmentsAfter(signal, lane, 0)) {
        segments.add(id);
        WalSegment segment = reader.read(id);
        List<Map<String, Object>> rows =
            segment.rows(schema).stream().map(r -> CanonicalRows.fromIceberg(r, schema)).toList();
        viaIceberg.addAll(rows);
        for (WalBatch batch : segment.footer().getBatchesList()) {
          int first = Math.toIntExact(batch.getFirstRow());
          List<Map<String, Object>> batchRows =
              rows.subList(first, first + Math.toIntExact(batch.getRowCount()));
          assertThat(batchesRead.put(batch.getBatchId(), batchRows))
              .as("batch %s stored once", batch.getBatchId())
              .isNull();
        }
      }
    }
    assertThat(segments).as("several segments on both lanes").hasSizeGreaterThan(2);
    assertThat(viaIceberg).containsExactlyInAnyOrderElementsOf(expected);
    // The footer's row ranges name exactly each batch's rows, in arrival order.
    for (WalBatchRows batch : appended) {
      assertThat(batchesRead.get(batch.batchId()))
          .containsExactlyElementsOf(
              batch.rows().stream().map(r -> CanonicalRows.fromIceberg(r, schema)).toList());
    }

    try (Connection duck = duckDb()) {
      assertThat(readWithDuckDb(duck, signal, schema))
          .containsExactlyInAnyOrderElementsOf(expected);
      assertThat(fieldIds(duck, segments.get(0)))
          .as("Iceberg field ids in the Parquet schema")
          .containsExactlyInAnyOrderElementsOf(TypeUtil.indexById(schema.asStruct()).keySet());
      assertThat(topLevelFieldIds(duck, segments.get(0))).isEqualTo(topLevelIds(schema));
    }
  }

  private List<WalBatchRows> appendBatches(WalSignal signal) {
    SampleRows sample = new SampleRows(signal.ordinal());
    WalWriterSettings settings =
        new WalWriterSettings(
            LANES, 48 << 10, Duration.ofMillis(20), Duration.ofSeconds(20), 1L << 30);
    List<WalBatchRows> batches = new ArrayList<>();
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    try (WalWriter writer =
        new WalWriter(
            new LocalObjectStore(folder), signal, settings, lane -> 0, Clock.systemUTC())) {
      for (int i = 0; i < 30; i++) {
        WalBatchRows batch = sample.batch(signal, "tenant-" + (i % 3), 1 + (i * 7) % 20);
        batches.add(batch);
        acks.add(writer.append(batch, 1_000L * batch.rows().size()));
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    }
    return batches;
  }

  private Connection duckDb() throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      // Only the built-in Parquet reader: nothing may be downloaded.
      statement.execute("SET autoinstall_known_extensions=false");
      statement.execute("SET autoload_known_extensions=false");
    }
    return connection;
  }

  private List<Map<String, Object>> readWithDuckDb(Connection duck, WalSignal signal, Schema schema)
      throws SQLException {
    String glob = folder.resolve("wal").resolve(signal.id()) + "/*/*.parquet";
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement statement = duck.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM read_parquet('" + glob + "')")) {
      while (result.next()) {
        rows.add(CanonicalRows.fromJdbc(result, schema));
      }
    }
    return rows;
  }

  private List<Integer> fieldIds(Connection duck, SegmentId segment) throws SQLException {
    List<Integer> ids = new ArrayList<>();
    try (Statement statement = duck.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT field_id FROM parquet_schema('"
                    + folder.resolve(segment.key())
                    + "') WHERE field_id IS NOT NULL")) {
      while (result.next()) {
        ids.add(result.getInt(1));
      }
    }
    return ids;
  }

  /** Name and field id of each top-level column; parquet_schema() lists the tree in pre-order. */
  private Map<String, Integer> topLevelFieldIds(Connection duck, SegmentId segment)
      throws SQLException {
    List<String> names = new ArrayList<>();
    List<Integer> ids = new ArrayList<>();
    List<Integer> children = new ArrayList<>();
    try (Statement statement = duck.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT name, field_id, num_children FROM parquet_schema('"
                    + folder.resolve(segment.key())
                    + "')")) {
      while (result.next()) {
        names.add(result.getString(1));
        Number id = (Number) result.getObject(2);
        ids.add(id == null ? null : id.intValue());
        children.add(result.getInt(3));
      }
    }
    Map<String, Integer> topLevel = new HashMap<>();
    int next = 1;
    for (int column = 0; column < children.get(0); column++) {
      topLevel.put(names.get(next), ids.get(next));
      next = afterSubtree(children, next);
    }
    return topLevel;
  }

  private static int afterSubtree(List<Integer> children, int node) {
    int next = node + 1;
    for (int child = 0; child < children.get(node); child++) {
      next = afterSubtree(children, next);
    }
    return next;
  }

  private static Map<String, Integer> topLevelIds(Schema schema) {
    Map<String, Integer> ids = new HashMap<>();
    schema.columns().forEach(field -> ids.put(field.name(), field.fieldId()));
    return ids;
  }
}
