package io.icegate.ingest.shift;

import io.icegate.lake.wal.WalKeys.SegmentId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one shift cycle moves: the WAL segments beyond the committed offsets, and the offsets the
 * commit will carry.
 *
 * @param baseSnapshotId the snapshot the plan was made from, null for an empty table
 * @param committed the offsets of that snapshot's ancestry ({@code icegate.wal.offsets.base})
 * @param segments segments to shift, per lane in seq order
 * @param next the offsets after this shift ({@code icegate.wal.offsets})
 * @param storedBatchIds batch ids already in the table within the dedup window
 * @param plannedNanos {@link System#nanoTime()} when planned; old plans are abandoned
 */
record ShiftPlan(
    Long baseSnapshotId,
    Map<String, Long> committed,
    List<SegmentId> segments,
    Map<String, Long> next,
    Set<String> storedBatchIds,
    long plannedNanos) {
  ShiftPlan {
    committed = Map.copyOf(committed);
    segments = List.copyOf(segments);
    next = Map.copyOf(next);
    storedBatchIds = Set.copyOf(storedBatchIds);
  }

  boolean isEmpty() {
    return segments.isEmpty();
  }
}
