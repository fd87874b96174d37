package io.icegate.lake.view;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.catalog.WalOffsetsCheck;
import io.icegate.lake.store.ObjectNotFoundException;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.wal.WalBatchIndex;
import io.icegate.lake.wal.WalKeys.SegmentId;
import io.icegate.lake.wal.WalReader;
import io.icegate.lake.wal.WalSegment;
import io.icegate.lake.wal.WalSignal;
import io.icegate.proto.v1.WalBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.expressions.Evaluator;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.DateTimeUtil;

/**
 * One consistent view of a tenant's rows (DESIGN.md §6, real-time reads): the data files of a
 * snapshot plus the WAL segments beyond that same snapshot's offsets, minus batches already stored
 * and repeats, so every acknowledged row is visible at once and none twice. A segment that vanishes
 * under the read (cleaned up after a newer shift) makes the view re-plan on a fresh snapshot.
 */
public final class LakeView {
  static final int MAX_PLANS = 5;

  private final Catalog catalog;
  private final WalReader wal;
  private final Duration dedupWindow;
  // One per signal, so index objects read once are not read again (they never change).
  private final Map<WalSignal, WalBatchIndex> indexes = new EnumMap<>(WalSignal.class);

  public LakeView(Catalog catalog, ObjectStore store, Duration dedupWindow) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.wal = new WalReader(store);
    this.dedupWindow = requireNonNull(dedupWindow, "dedupWindow is null");
    for (WalSignal signal : WalSignal.values()) {
      indexes.put(signal, new WalBatchIndex(store, signal));
    }
  }

  /**
   * The query's rows, table rows first, then WAL rows in lane and arrival order, collected in
   * memory; a file vanishing at any point re-plans the whole read (see {@link #open} to stream).
   */
  public List<Record> read(LakeQuery query) {
    for (int plan = 1; ; plan++) {
      List<Record> rows = new ArrayList<>();
      try (LakeRows stream = open(query)) {
        stream.forEachRemaining(rows::add);
        return rows;
      } catch (ObjectNotFoundException | NotFoundException | LakeChangedException e) {
        // A WAL segment cleaned up after a newer shift, or a file of an expired snapshot.
        if (plan >= MAX_PLANS) {
          throw e;
        }
      }
    }
  }

  /**
   * The query's rows as a stream, in the order of {@link #read}, reading one data file or WAL
   * segment at a time. Planning (table, snapshot, offsets, stored batch ids) happens here.
   */
  public LakeRows open(LakeQuery query) {
    return new LakeViewRead.Rows(this, query);
  }

  /**
   * The query's rows as {@code T}s (e.g. column batches), in the order of {@link #open}, with the
   * same consistency: {@code stored} reads the planned snapshot's data files, {@code walItems}
   * turns each WAL segment's matching rows (projected, at most one segment's worth) into {@code
   * T}s.
   */
  public <T> LakeStream<T> open(
      LakeQuery query, StoredReader<T> stored, Function<List<Record>, Iterator<T>> walItems) {
    return new LakeViewRead<>(this, query, stored, walItems);
  }

  /** What one read planned on: a snapshot, its offsets and the batch ids stored up to it. */
  record Plan(
      Table table,
      Long snapshotId,
      Schema projection,
      Expression filter,
      Map<String, Long> offsets,
      Set<String> seen,
      List<SegmentId> segments) {}

  Plan plan(LakeQuery query) {
    Table table = catalog.loadTable(query.signal().table().identifier());
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    Snapshot snapshot = metadata.currentSnapshot();
    Long snapshotId = snapshot == null ? null : snapshot.snapshotId();
    Schema projection =
        query.columns().isEmpty() ? table.schema() : table.schema().select(query.columns());
    Map<String, Long> offsets = WalOffsetsCheck.committedOffsets(metadata, snapshotId);
    Set<String> seen =
        new HashSet<>(
            indexes
                .get(query.signal())
                .storedSince(
                    metadata, snapshotId, System.currentTimeMillis() - dedupWindow.toMillis()));
    // Listed now as well as when the WAL is read: a planned segment missing from the later listing
    // was cleaned up under the read (re-plan), rather than silently not read.
    List<SegmentId> segments = new ArrayList<>();
    for (String lane : wal.lanes(query.signal())) {
      segments.addAll(wal.segmentsAfter(query.signal(), lane, offsets.getOrDefault(lane, 0L)));
    }
    return new Plan(
        table, snapshotId, projection, query.effectiveFilter(), offsets, seen, segments);
  }

  /**
   * A snapshot's matching rows by Iceberg's generic reader, file by file (lazily opened), projected
   * (the default {@link StoredReader}).
   */
  public static CloseableIterable<Record> genericRows(
      Table table, long snapshotId, Schema projection, Expression filter) {
    CloseableIterable<Record> stored =
        IcebergGenerics.read(table)
            .useSnapshot(snapshotId)
            .where(filter)
            .select(names(projection))
            .build();
    // The scan adds the filter's columns to the projection; drop them again.
    return CloseableIterable.transform(stored, row -> project(row, projection));
  }

  /**
   * A lane's segments beyond the plan's offset for it, listed now (so segments acknowledged since
   * the plan are read too).
   *
   * @throws ObjectNotFoundException if a segment listed at planning time is gone
   */
  List<SegmentId> segments(WalSignal signal, String lane, Plan plan) {
    List<SegmentId> now = wal.segmentsAfter(signal, lane, plan.offsets().getOrDefault(lane, 0L));
    for (SegmentId planned : plan.segments()) {
      if (planned.lane().equals(lane) && !now.contains(planned)) {
        throw new ObjectNotFoundException(planned.key());
      }
    }
    return now;
  }

  /** The lanes to read: those listed now plus those the plan had segments in. */
  List<String> lanes(WalSignal signal, Plan plan) {
    TreeSet<String> lanes = new TreeSet<>(wal.lanes(signal));
    plan.segments().forEach(segment -> lanes.add(segment.lane()));
    return List.copyOf(lanes);
  }

  /** One segment's rows of the query's tenant and range, not yet stored or seen, filtered. */
  List<Record> segmentRows(LakeQuery query, Plan plan, SegmentId id) {
    Schema schema = plan.table().schema();
    Evaluator evaluator = new Evaluator(schema.asStruct(), plan.filter(), true);
    InternalRecordWrapper wrapper = new InternalRecordWrapper(schema.asStruct());
    long fromMicros = query.from().map(DateTimeUtil::microsFromInstant).orElse(Long.MIN_VALUE);
    long toMicros = query.to().map(DateTimeUtil::microsFromInstant).orElse(Long.MAX_VALUE);
    WalSegment segment = wal.read(id);
    List<Record> full =
        segment.rows(
            schema,
            batch ->
                batch.getTenant().equals(query.tenant().value())
                    && overlaps(batch, fromMicros, toMicros)
                    && plan.seen().add(batch.getBatchId()));
    List<Record> rows = new ArrayList<>();
    for (Record row : full) {
      if (evaluator.eval(wrapper.wrap(row))) {
        rows.add(project(row, plan.projection()));
      }
    }
    return rows;
  }

  private static boolean overlaps(WalBatch batch, long fromMicros, long toMicros) {
    return batch.getRowCount() > 0
        && batch.getMaxTimestampUs() >= fromMicros
        && batch.getMinTimestampUs() < toMicros;
  }

  private static Record project(Record row, Schema projection) {
    if (row.struct().equals(projection.asStruct())) {
      return row;
    }
    Record projected = org.apache.iceberg.data.GenericRecord.create(projection);
    projection.columns().forEach(f -> projected.setField(f.name(), row.getField(f.name())));
    return projected;
  }

  private static List<String> names(Schema projection) {
    return projection.columns().stream().map(f -> f.name()).toList();
  }
}
