package io.icegate.query.loki;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * A log line as Loki answers it: its stream labels (index labels), structured metadata and labels a
 * parser added. Maps keep their order (structured metadata in the order Loki stores it, labels
 * sorted by name).
 */
public record LogEntry(
    long timestampNanos,
    String line,
    Map<String, String> stream,
    Map<String, String> structuredMetadata,
    Map<String, String> parsed) {
  public LogEntry {
    requireNonNull(line, "line is null");
    requireNonNull(stream, "stream is null");
    requireNonNull(structuredMetadata, "structuredMetadata is null");
    requireNonNull(parsed, "parsed is null");
  }

  /** All labels of the entry: stream, structured metadata, parsed (a later one wins). */
  /** One label as {@link #allLabels()} would give it: parsed over metadata over stream. */
  public String label(String name) {
    String value = parsed.get(name);
    if (value == null) {
      value = structuredMetadata.get(name);
    }
    return value != null ? value : stream.get(name);
  }

  public java.util.SortedMap<String, String> allLabels() {
    java.util.TreeMap<String, String> all = new java.util.TreeMap<>(stream);
    all.putAll(structuredMetadata);
    all.putAll(parsed);
    return all;
  }
}
