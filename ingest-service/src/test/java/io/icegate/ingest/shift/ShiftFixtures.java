package io.icegate.ingest.shift;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.catalog.WalOffsetsCheck;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalBatchRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.SnapshotUtil;

/** Shared by the shifter's process, crash and retry tests: the logs table, rows and checks. */
final class ShiftFixtures {
  private ShiftFixtures() {}

  /** A catalog over {@code store} with the signal tables created (idempotent). */
  static ObjectStoreCatalog catalog(ObjectStore store, String root) {
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, new LakeLocations(root));
    catalog.initialize("lake", Map.of());
    new LakeTableCreator(catalog).createMissing();
    return catalog;
  }

  static Table logs(ObjectStoreCatalog catalog) {
    return catalog.loadTable(LakeTables.logs().identifier());
  }

  /**
   * A one-row logs batch; its batch id and row are functions of {@code (run, n)} only, so the same
   * arguments make the same batch (a client's retry).
   */
  static WalBatchRows batch(long run, long n) {
    String tenant = "team-" + n % 3;
    GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
    row.setField("tenant_id", tenant);
    row.setField(
        "timestamp",
        OffsetDateTime.of(2026, 11, 24 + (int) (n % 2), 12, 0, (int) (n % 60), 0, ZoneOffset.UTC));
    row.setField("service_name", "svc-" + n % 4);
    row.setField("body", "run " + run + " line " + n);
    String id = String.format("%016x%016x", run, n);
    return new WalBatchRows(id, new TenantId(tenant), List.of(row));
  }

  /** The canonical text of a row, for multiset comparisons. */
  static String canonical(Record row) {
    return row.getField("tenant_id")
        + "|"
        + row.getField("timestamp")
        + "|"
        + row.getField("service_name")
        + "|"
        + row.getField("body");
  }

  static List<String> canonical(WalBatchRows batch) {
    return batch.rows().stream().map(ShiftFixtures::canonical).toList();
  }

  /** Every row of the table's current snapshot, canonical. */
  static List<String> rows(Table table) {
    table.refresh();
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      records.forEach(row -> rows.add(canonical(row)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * Checks the whole history: every snapshot is in the current ancestry (nothing was rolled back)
   * and, from the oldest on, no lane's committed offset ever decreases.
   */
  static void assertOffsetsNeverGoBack(Table table) {
    table.refresh();
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    List<Snapshot> ancestry = new ArrayList<>();
    SnapshotUtil.ancestorsOf(metadata.currentSnapshot().snapshotId(), metadata::snapshot)
        .forEach(ancestry::add);
    assertThat(ancestry.stream().map(Snapshot::snapshotId).collect(Collectors.toSet()))
        .as("snapshots outside the current ancestry")
        .isEqualTo(
            metadata.snapshots().stream().map(Snapshot::snapshotId).collect(Collectors.toSet()));
    Map<String, Long> previous = new HashMap<>();
    for (int i = ancestry.size() - 1; i >= 0; i--) {
      Snapshot snapshot = ancestry.get(i);
      Map<String, Long> offsets = WalOffsetsCheck.committedOffsets(metadata, snapshot.snapshotId());
      assertThat(offsets.keySet())
          .as("lanes at snapshot %s", snapshot.snapshotId())
          .containsAll(previous.keySet());
      for (Map.Entry<String, Long> lane : offsets.entrySet()) {
        assertThat(lane.getValue())
            .as("offset of %s at snapshot %s", lane.getKey(), snapshot.snapshotId())
            .isGreaterThanOrEqualTo(previous.getOrDefault(lane.getKey(), 0L));
      }
      previous = offsets;
    }
  }

  /** Operations of the current ancestry's snapshots (append, replace, …), oldest first. */
  static List<String> operations(Table table) {
    table.refresh();
    List<String> operations = new ArrayList<>();
    SnapshotUtil.ancestorsOf(table.currentSnapshot().snapshotId(), table::snapshot)
        .forEach(s -> operations.add(0, s.operation()));
    return operations;
  }

  /** Locations of the orphan data files, for set comparisons. */
  static Set<String> orphans(Table table) {
    table.refresh();
    return OrphanDataFiles.list(table).stream()
        .map(org.apache.iceberg.io.FileInfo::location)
        .collect(Collectors.toSet());
  }

  /** Shifts until nothing is left. */
  static void drain(Shifter shifter) {
    while (shifter.shiftOnce().isPresent()) {
      // each cycle takes at most maxSegmentsPerCycle segments
    }
  }
}
