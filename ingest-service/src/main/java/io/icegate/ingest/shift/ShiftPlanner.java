package io.icegate.ingest.shift;

import io.icegate.lake.catalog.WalOffsetsCheck;
import io.icegate.lake.wal.WalBatchIndex;
import io.icegate.lake.wal.WalKeys.SegmentId;
import io.icegate.lake.wal.WalReader;
import io.icegate.lake.wal.WalSignal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;

/**
 * Plans a shift from the table's current state: committed offsets from the newest snapshot in the
 * current ancestry that has them, then each lane's contiguous run of segments beyond them.
 */
final class ShiftPlanner {
  private final WalReader reader;
  private final WalBatchIndex index;
  private final WalSignal signal;
  private final int maxSegments;
  private final Duration dedupWindow;

  ShiftPlanner(
      WalReader reader,
      WalBatchIndex index,
      WalSignal signal,
      int maxSegments,
      Duration dedupWindow) {
    this.reader = reader;
    this.index = index;
    this.signal = signal;
    this.maxSegments = maxSegments;
    this.dedupWindow = dedupWindow;
  }

  ShiftPlan plan(Table table) {
    table.refresh();
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    Snapshot base = metadata.currentSnapshot();
    Long baseId = base == null ? null : base.snapshotId();
    Map<String, Long> committed = WalOffsetsCheck.committedOffsets(metadata, baseId);
    if (committed.isEmpty() && anySnapshotHasOffsets(metadata)) {
      // Offsets vanished from the ancestry (expired, or history rewritten): shifting from zero
      // would store everything again. Stop loudly instead.
      throw new MissingOffsetsException(
          "Cannot shift "
              + signal.id()
              + ": the table has IceGate snapshots but the current snapshot's ancestry has no "
              + WalOffsetsCheck.OFFSETS);
    }
    List<SegmentId> segments = new ArrayList<>();
    Map<String, Long> next = new TreeMap<>(committed);
    for (String lane : reader.lanes(signal)) {
      Long after = committed.get(lane);
      List<SegmentId> pending = reader.segmentsAfter(signal, lane, after == null ? 0L : after);
      // A lane the offsets do not know starts at its lowest present seq (DESIGN.md §6): after WAL
      // cleanup retired it, a writer that kept running continues above the deleted segments.
      long expected = after != null ? after + 1 : pending.isEmpty() ? 1 : pending.get(0).seq();
      for (SegmentId segment : pending) {
        // A lane's seqs are contiguous; a hole means a write still in flight: stop before it.
        if (segment.seq() != expected || segments.size() >= maxSegments) {
          break;
        }
        segments.add(segment);
        next.put(lane, segment.seq());
        expected++;
      }
    }
    long since = System.currentTimeMillis() - dedupWindow.toMillis();
    return new ShiftPlan(
        baseId,
        committed,
        segments,
        next,
        index.storedSince(metadata, baseId, since),
        System.nanoTime());
  }

  private static boolean anySnapshotHasOffsets(TableMetadata metadata) {
    return metadata.snapshots().stream()
        .anyMatch(s -> s.summary() != null && s.summary().containsKey(WalOffsetsCheck.OFFSETS));
  }
}
