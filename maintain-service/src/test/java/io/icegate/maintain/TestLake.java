package io.icegate.maintain;

import io.icegate.ingest.shift.ShiftSettings;
import io.icegate.ingest.shift.Shifter;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.catalog.WalOffsetsCheck;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.runtime.MovableClock;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.FaultInjectingObjectStore;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.view.LakeQuery;
import io.icegate.lake.view.LakeView;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalKeys;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.data.GenericRecord;

/**
 * A lake in memory with the real pieces that write it: the ingest WAL writer and shifter, the
 * object-store catalog and the lake view, behind a fault-injecting store. Maintenance jobs run on
 * {@link #clock}, which tests move ahead to let grace periods pass.
 */
public final class TestLake implements AutoCloseable {
  public static final TenantId TENANT = new TenantId("team-a");

  /** The store under the fault injection; null when the lake is not in memory. */
  public final InMemoryObjectStore memory;

  public final FaultInjectingObjectStore store;
  public final LakeLocations locations;
  public final ObjectStoreCatalog catalog;
  public final MovableClock clock = MovableClock.following();
  public final WalWriter wal;

  public TestLake(String... lanes) {
    this(new InMemoryObjectStore(), new LakeLocations("memory://lake"), lanes);
  }

  /** A lake on {@code base} (S3Proxy, a folder) at {@code locations}. */
  public TestLake(ObjectStore base, LakeLocations locations, String... lanes) {
    this.memory = base instanceof InMemoryObjectStore inMemory ? inMemory : null;
    this.store = new FaultInjectingObjectStore(base);
    this.locations = locations;
    this.catalog = catalog();
    WalWriterSettings settings =
        new WalWriterSettings(
            List.of(lanes), 16L << 20, Duration.ZERO, Duration.ofSeconds(30), 64L << 20);
    this.wal = new WalWriter(store, WalSignal.LOGS, settings, lane -> 0, Clock.systemUTC());
  }

  public ObjectStoreCatalog catalog() {
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, locations);
    catalog.initialize("lake", Map.of());
    new LakeTableCreator(catalog).createMissing();
    return catalog;
  }

  public Table logs() {
    return catalog.loadTable(LakeTables.logs().identifier());
  }

  public TableMetadata metadata() {
    return ((HasTableOperations) logs()).operations().current();
  }

  public Map<String, Long> committedOffsets() {
    Snapshot current = metadata().currentSnapshot();
    return WalOffsetsCheck.committedOffsets(
        metadata(), current == null ? null : current.snapshotId());
  }

  public Shifter shifter() {
    return new Shifter(logs(), store, WalSignal.LOGS, ShiftSettings.defaults());
  }

  public LakeView view() {
    return new LakeView(catalog(), store, Duration.ofMinutes(15));
  }

  /** Appends batches {@code from} to {@code from + count - 1}, one row each, waiting for acks. */
  public void append(int from, int count) {
    for (int i = from; i < from + count; i++) {
      wal.append(batch(i), 10).join();
    }
  }

  /** Bodies of every row the view shows for the tenant. */
  public List<String> bodies(LakeView view) {
    return view.read(LakeQuery.all(TENANT, WalSignal.LOGS)).stream()
        .map(row -> (String) row.getField("body"))
        .toList();
  }

  /** Seqs of a lane's segments present in the store. */
  public List<Long> segments(String lane) {
    try (Stream<ObjectInfo> objects = store.list(WalKeys.lanePrefix(WalSignal.LOGS, lane))) {
      return objects.map(info -> WalKeys.parse(info.key()).orElseThrow().seq()).toList();
    }
  }

  public static String body(int n) {
    return "row " + n;
  }

  public static WalBatchRows batch(int n) {
    GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
    row.setField("tenant_id", TENANT.value());
    row.setField(
        "timestamp", OffsetDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZoneOffset.UTC).plusSeconds(n));
    row.setField("service_name", "svc-" + n % 3);
    row.setField("body", body(n));
    return new WalBatchRows(String.format("%032x", n + 1), TENANT, List.of(row));
  }

  @Override
  public void close() {
    wal.close();
  }

  /** The wall clock plus an offset the test moves forward. */
}
