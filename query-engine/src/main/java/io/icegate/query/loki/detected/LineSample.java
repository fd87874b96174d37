package io.icegate.query.loki.detected;

import io.icegate.query.loki.LogEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The newest {@code size} entries offered, as Loki's {@code detected_fields} samples the newest
 * lines of the range ({@code line_limit}); memory stays bounded by the sample size.
 */
final class LineSample {
  private static final Comparator<LogEntry> OLDEST_FIRST =
      Comparator.comparingLong(LogEntry::timestampNanos).thenComparing(LogEntry::line);

  private final int size;
  private final PriorityQueue<LogEntry> newest = new PriorityQueue<>(OLDEST_FIRST);

  LineSample(int size) {
    this.size = size;
  }

  void offer(LogEntry entry) {
    if (newest.size() < size) {
      newest.add(entry);
    } else if (OLDEST_FIRST.compare(entry, newest.peek()) > 0) {
      newest.poll();
      newest.add(entry);
    }
  }

  /** The sample, newest first. */
  List<LogEntry> entries() {
    List<LogEntry> all = new ArrayList<>(newest);
    all.sort(OLDEST_FIRST.reversed());
    return all;
  }
}
