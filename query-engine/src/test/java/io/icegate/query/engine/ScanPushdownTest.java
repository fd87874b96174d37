package io.icegate.query.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.ingest.shift.ShiftSettings;
import io.icegate.ingest.shift.Shifter;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import io.icegate.query.sql.SqlEngine;
import io.icegate.query.sql.SqlResult;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.junit.jupiter.api.Test;

/**
 * What pushdown saves, measured in what the query read: a plain LIMIT stops the lazy scan after its
 * first small batch, and a trace-id lookup skips row groups by the {@code logs.trace_id} bloom
 * filter.
 */
class ScanPushdownTest {
  private static final Instant DAY = Instant.parse("2026-11-25T12:00:00Z");
  private static final TenantId TENANT = new TenantId("team-a");

  @Test
  void plainLimitStopsTheScanEarly() {
    Lake lake = new Lake(true);
    for (int file = 0; file < 4; file++) {
      lake.append(file * 1000, 1000);
      lake.shift();
    }

    SqlResult all = lake.sql("SELECT body FROM logs");
    SqlResult limited = lake.sql("SELECT body FROM logs LIMIT 5");
    SqlResult filtered = lake.sql("SELECT body FROM logs WHERE service_name = 'svc-1' LIMIT 5");

    assertThat(all.rows()).hasSize(4000);
    assertThat(all.stats().rowsScanned()).isEqualTo(4000);
    assertThat(limited.rows()).hasSize(5);
    assertThat(limited.stats().rowsScanned()).isEqualTo(BatchSizes.FIRST_BATCH_ROWS);
    // Only the first data file was opened.
    assertThat(limited.stats().bytesScanned()).isLessThan(all.stats().bytesScanned() / 2);
    assertThat(filtered.rows()).hasSize(5);
    assertThat(filtered.stats().rowsScanned()).isLessThan(1000);
  }

  @Test
  void traceIdLookupSkipsRowGroupsByTheBloomFilter() {
    Lake bloom = new Lake(true);
    Lake plain = new Lake(false);
    assertThat(LakeTables.logs().properties())
        .containsEntry(
            TableProperties.PARQUET_BLOOM_FILTER_COLUMN_ENABLED_PREFIX + "trace_id", "true");
    for (Lake lake : List.of(bloom, plain)) {
      lake.append(0, 3000);
      lake.shift();
    }
    byte[] wanted = Lake.traceId(1234);

    ScanRequest lookup =
        ScanRequest.all(WalSignal.LOGS)
            .select(List.of("body"))
            .where(Expressions.equal("trace_id", ByteBuffer.wrap(wanted)));
    QueryBudget withBloom = new QueryBudget(QueryLimits.defaults());
    QueryBudget without = new QueryBudget(QueryLimits.defaults());

    assertThat(bloom.bodies(withBloom, lookup)).containsExactly("line 1234");
    assertThat(plain.bodies(without, lookup)).containsExactly("line 1234");
    // Same rows and layout; the bloom filters let the reader skip the other row groups (what it
    // still reads: table metadata, footers, the bloom filters, one row group).
    assertThat(withBloom.bytesScanned()).isLessThan(without.bytesScanned() * 3 / 4);
  }

  /** A lake in memory whose logs table has small row groups, with or without the bloom filter. */
  private static final class Lake {
    private final InMemoryObjectStore store = new InMemoryObjectStore();
    private final LakeLocations locations = new LakeLocations("memory://lake");
    private final LakeScanner scanner =
        new LakeScanner(store, locations, "lake", Map.of(), Duration.ofMinutes(15));

    Lake(boolean bloomFilter) {
      new LakeTableCreator(catalog()).createMissing();
      Table table = catalog().loadTable(LakeTables.logs().identifier());
      var update =
          table
              .updateProperties()
              // Many row groups; plain-encoded ids, so only the bloom filter can rule one out.
              .set(TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, "16384")
              .set(TableProperties.PARQUET_DICT_SIZE_BYTES, "256")
              // Sized for the few hundred ids of a row group here (the default is 1 MiB).
              .set(TableProperties.PARQUET_BLOOM_FILTER_MAX_BYTES, "1024");
      if (!bloomFilter) {
        update.remove(TableProperties.PARQUET_BLOOM_FILTER_COLUMN_ENABLED_PREFIX + "trace_id");
      }
      update.commit();
    }

    static byte[] traceId(int n) {
      byte[] id = new byte[16];
      new Random(n).nextBytes(id);
      return id;
    }

    static String noise(int n) {
      StringBuilder text = new StringBuilder();
      for (int i = 1; i <= 4; i++) {
        text.append(HexFormat.of().formatHex(traceId(-n * 8 - i)));
      }
      return text.toString();
    }

    void append(int from, int count) {
      List<Record> rows = new ArrayList<>();
      for (int n = from; n < from + count; n++) {
        GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
        row.setField("tenant_id", TENANT.value());
        row.setField("timestamp", DAY.plusMillis(n).atOffset(ZoneOffset.UTC));
        row.setField("service_name", "svc-" + n % 4);
        // A long, barely compressible body: data files, not metadata, dominate what is read.
        row.setField("body", n == 1234 ? "line 1234" : "line " + n + " " + noise(n));
        row.setField("trace_id", traceId(n));
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

    void shift() {
      new Shifter(
              catalog().loadTable(LakeTables.logs().identifier()),
              store,
              WalSignal.LOGS,
              ShiftSettings.defaults())
          .shiftOnce()
          .orElseThrow();
    }

    SqlResult sql(String query) {
      QueryLimits limits = QueryLimits.defaults();
      try (SqlEngine engine = new SqlEngine(scanner, limits)) {
        return engine.execute(TENANT, query);
      }
    }

    List<Object> bodies(QueryBudget budget, ScanRequest request) {
      List<Object> bodies = new ArrayList<>();
      try (ScanBatches scan = scanner.open(TENANT, budget).scan(request)) {
        while (scan.loadNextBatch()) {
          for (int r = 0; r < scan.current().getRowCount(); r++) {
            bodies.add(ArrowPlainValues.value(scan.current().getVector(0), r));
          }
        }
      }
      return bodies;
    }

    private ObjectStoreCatalog catalog() {
      ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, locations);
      catalog.initialize("lake", Map.of());
      return catalog;
    }
  }
}
