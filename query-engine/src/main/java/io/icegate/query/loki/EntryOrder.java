package io.icegate.query.loki;

import java.util.Comparator;
import java.util.Map;

/**
 * The total order of entries: by time, then (for entries of the same nanosecond) by their labels
 * and line, so the same query answers the same entries in the same order whether they come from the
 * WAL or from Iceberg.
 */
final class EntryOrder {
  static final Comparator<LogEntry> FORWARD =
      Comparator.comparingLong(LogEntry::timestampNanos)
          .thenComparing(entry -> labelKey(entry.stream()))
          .thenComparing(LogEntry::line)
          .thenComparing(entry -> labelKey(entry.structuredMetadata()))
          .thenComparing(entry -> labelKey(entry.parsed()));

  private EntryOrder() {}

  static Comparator<LogEntry> of(Direction direction) {
    return direction == Direction.FORWARD ? FORWARD : FORWARD.reversed();
  }

  /** Labels in Prometheus' text form, {@code {a="1", b="2"}}, sorted by name. */
  static String labelKey(Map<String, String> labels) {
    StringBuilder key = new StringBuilder("{");
    new java.util.TreeMap<>(labels)
        .forEach(
            (name, value) -> {
              if (key.length() > 1) {
                key.append(", ");
              }
              key.append(name)
                  .append("=\"")
                  .append(value.replace("\\", "\\\\").replace("\"", "\\\""))
                  .append('"');
            });
    return key.append('}').toString();
  }
}
