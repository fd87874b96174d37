package io.icegate.query.loki;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code limit} entries in a direction's order, kept in a heap of at most {@code limit}
 * entries: memory is bounded by the limit, not by how many lines match.
 */
final class TopEntries {
  private final int limit;
  private final Comparator<LogEntry> order;
  private final boolean forward;
  // The head is the entry that would be dropped first: the last one in the answer's order.
  private final PriorityQueue<LogEntry> heap;

  TopEntries(int limit, Direction direction) {
    if (limit <= 0) {
      throw new IllegalArgumentException("Invalid limit: " + limit);
    }
    this.limit = limit;
    this.order = EntryOrder.of(direction);
    this.forward = direction == Direction.FORWARD;
    this.heap = new PriorityQueue<>(Math.min(limit, 1024) + 1, order.reversed());
  }

  /** Keeps the entry if it is among the first; a kept entry is {@link LogEntry#materialize}d. */
  void offer(LogEntry entry) {
    if (heap.size() < limit) {
      heap.add(entry.materialize());
    } else if (order.compare(entry, heap.peek()) < 0) {
      heap.poll();
      heap.add(entry.materialize());
    }
  }

  /**
   * Whether an entry of this time can no longer be kept, whatever its labels and line: the heap is
   * full and the time comes strictly after the last kept entry's in the answer's order. Lets a scan
   * skip the entry (and its pipeline, which never changes the time) without building it.
   */
  boolean rejects(long timestampNanos) {
    if (heap.size() < limit) {
      return false;
    }
    long last = heap.peek().timestampNanos();
    return forward ? timestampNanos > last : timestampNanos < last;
  }

  int size() {
    return heap.size();
  }

  /** The kept entries in the answer's order. */
  List<LogEntry> sorted() {
    List<LogEntry> entries = new ArrayList<>(heap);
    entries.sort(order);
    return entries;
  }
}
