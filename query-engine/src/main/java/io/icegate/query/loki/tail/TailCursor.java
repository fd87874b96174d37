package io.icegate.query.loki.tail;

import io.icegate.query.loki.LogEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a tail has already sent, so each line goes out once although every poll re-reads its window:
 * a count per (time, labels, line) — identical lines are counted, not collapsed — and forgotten
 * once their time falls below the window.
 */
final class TailCursor {
  private record Key(long timestampNanos, Map<String, String> labels, String line) {}

  private final Map<Key, Integer> sent = new HashMap<>();

  /** Forgets every line older than {@code lowerNanos}: the window will not read them again. */
  void forgetBefore(long lowerNanos) {
    sent.keySet().removeIf(key -> key.timestampNanos() < lowerNanos);
  }

  /**
   * The lines of one read of the window that were not sent before, oldest first; they count as sent
   * from now on.
   */
  List<LogEntry> fresh(List<LogEntry> window) {
    Map<Key, Integer> seenNow = new HashMap<>();
    List<LogEntry> fresh = new ArrayList<>();
    for (LogEntry entry : window) {
      Key key = new Key(entry.timestampNanos(), entry.allLabels(), entry.line());
      int n = seenNow.merge(key, 1, Integer::sum);
      if (n > sent.getOrDefault(key, 0)) {
        sent.put(key, n);
        fresh.add(entry);
      }
    }
    fresh.sort(Comparator.comparingLong(LogEntry::timestampNanos));
    return fresh;
  }

  int remembered() {
    return sent.size();
  }
}
