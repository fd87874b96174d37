package io.icegate.query.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.icegate.query.engine.QueryLimitExceededException.Limit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.expressions.Expressions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scan layer on its own: rows of exactly one tenant as Arrow batches in the asked column order,
 * filters and time ranges pushed into Iceberg planning (fewer bytes read), and every limit enforced
 * with the setting named.
 */
class TenantScanTest {
  private static final Instant DAY = Instant.parse("2026-11-25T12:00:00Z");
  private static final TenantId TEAM_A = new TenantId("team-a");

  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final LakeLocations locations = new LakeLocations("memory://lake");
  private final LakeScanner scanner =
      new LakeScanner(store, locations, "lake", Map.of(), Duration.ofMinutes(15));
  private WalWriter wal;

  @BeforeEach
  void createTables() {
    ObjectStoreCatalog catalog = catalog();
    new LakeTableCreator(catalog).createMissing();
    wal =
        new WalWriter(
            store,
            WalSignal.LOGS,
            new WalWriterSettings(
                List.of("lane-0"), 16L << 20, Duration.ZERO, Duration.ofSeconds(30), 64L << 20),
            lane -> 0,
            Clock.systemUTC());
  }

  @AfterEach
  void close() {
    wal.close();
    scanner.close();
  }

  @Test
  void scansOneTenantAsArrowInTheAskedColumnOrder() {
    append("team-a", 0, 4);
    append("team-b", 10, 3);
    shift();
    append("team-a", 4, 2);

    try (ScanBatches scan =
        scanner
            .open(TEAM_A, new QueryBudget(QueryLimits.defaults()))
            .scan(ScanRequest.all(WalSignal.LOGS).select(List.of("body", "attributes")))) {
      assertThat(scan.schema().getFields())
          .extracting(Field::getName)
          .containsExactly("body", "attributes");
      assertThat(scan.schema().getFields().get(1).getType()).isInstanceOf(ArrowType.Map.class);
      List<Object> bodies = new ArrayList<>();
      List<Object> attributes = new ArrayList<>();
      for (VectorSchemaRoot batch : scan.batches()) {
        for (int i = 0; i < batch.getRowCount(); i++) {
          bodies.add(ArrowPlainValues.value(batch.getVector(0), i));
          attributes.add(ArrowPlainValues.value(batch.getVector(1), i));
        }
      }
      assertThat(bodies)
          .containsExactlyInAnyOrder(
              "team-a 0", "team-a 1", "team-a 2", "team-a 3", "team-a 4", "team-a 5");
      assertThat(attributes).contains(Map.of("n", "3", "tenant", "team-a"));
    }
  }

  @Test
  void tenantColumnCannotBeAskedFor() {
    assertThatThrownBy(() -> ScanRequest.all(WalSignal.LOGS).select(List.of("tenant_id")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid columns: tenant_id is not readable");
    Field tenant =
        ArrowSchemas.of(TenantScan.visibleSchema(LakeTables.logs().schema())).getFields().stream()
            .filter(f -> f.getName().equals("tenant_id"))
            .findAny()
            .orElse(null);
    assertThat(tenant).isNull();
  }

  @Test
  void filtersAndTimeRangesPruneDataFiles() {
    append("team-a", 0, 50);
    shift();

    QueryBudget all = new QueryBudget(QueryLimits.defaults());
    long everything = rows(all, ScanRequest.all(WalSignal.LOGS));
    QueryBudget elsewhere = new QueryBudget(QueryLimits.defaults());
    long none =
        rows(
            elsewhere,
            ScanRequest.all(WalSignal.LOGS)
                .between(Optional.of(DAY.plus(Duration.ofDays(3))), Optional.empty()));
    QueryBudget filtered = new QueryBudget(QueryLimits.defaults());
    long some =
        rows(
            filtered,
            ScanRequest.all(WalSignal.LOGS).where(Expressions.equal("service_name", "svc-1")));

    assertThat(everything).isEqualTo(50);
    assertThat(none).isZero();
    assertThat(some).isEqualTo(13); // 1, 5, 9, ... 49
    // A day without data is pruned by partition: no data file is read at all.
    assertThat(elsewhere.bytesScanned()).isLessThan(all.bytesScanned());
  }

  @Test
  void bytesScannedLimitStopsTheScan() {
    append("team-a", 0, 5);
    QueryLimits limits = new QueryLimits(Duration.ofMinutes(1), 100L, 1000L, 1000L, 1L << 20);
    assertThatThrownBy(() -> rows(new QueryBudget(limits), ScanRequest.all(WalSignal.LOGS)))
        .isInstanceOfSatisfying(
            QueryLimitExceededException.class,
            e -> assertThat(e.limit()).isEqualTo(Limit.BYTES_SCANNED))
        .hasMessage(
            "Cannot run query: it reads more than 100 bytes (icegate.query.max-bytes-scanned)");
  }

  @Test
  void rowsScannedLimitStopsTheQuery() {
    append("team-a", 0, 5);
    QueryLimits limits = new QueryLimits(Duration.ofMinutes(1), 1L << 30, 4L, 1000L, 1L << 20);
    assertThatThrownBy(() -> rows(new QueryBudget(limits), ScanRequest.all(WalSignal.LOGS)))
        .hasMessage("Cannot run query: it reads more than 4 rows (icegate.query.max-rows-scanned)");
  }

  @Test
  void deadlineStopsTheScanAtItsNextRead() {
    append("team-a", 0, 5);
    AtomicLong now = new AtomicLong();
    QueryBudget budget = new QueryBudget(QueryLimits.defaults(), now::get);
    now.set(Duration.ofSeconds(31).toNanos()); // the query has "run" past its 30 s
    assertThatThrownBy(() -> rows(budget, ScanRequest.all(WalSignal.LOGS)))
        .isInstanceOfSatisfying(
            QueryLimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(Limit.TIMEOUT))
        .hasMessage("Cannot run query: it took longer than PT30S (icegate.query.timeout)");
  }

  @Test
  void scansCannotWrite() {
    ScanObjectStore readOnly = new ScanObjectStore(store, new QueryBudget(QueryLimits.defaults()));
    assertThatThrownBy(() -> readOnly.put("wal/x", new byte[1]))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("Cannot write: query scans are read-only");
  }

  private long rows(QueryBudget budget, ScanRequest request) {
    try (ScanBatches scan = scanner.open(TEAM_A, budget).scan(request)) {
      return scan.rowCount();
    }
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

  private ObjectStoreCatalog catalog() {
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, locations);
    catalog.initialize("lake", Map.of());
    return catalog;
  }

  private void append(String tenant, int from, int count) {
    for (int n = from; n < from + count; n++) {
      GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
      row.setField("tenant_id", tenant);
      row.setField("timestamp", DAY.plusSeconds(n).atOffset(ZoneOffset.UTC));
      row.setField("service_name", "svc-" + n % 4);
      row.setField("body", tenant + " " + n);
      row.setField("attributes", Map.of("n", Integer.toString(n), "tenant", tenant));
      String id = String.format("%016x%016x", n, tenant.hashCode());
      wal.append(new WalBatchRows(id, new TenantId(tenant), List.of(row)), 10).join();
    }
  }
}
