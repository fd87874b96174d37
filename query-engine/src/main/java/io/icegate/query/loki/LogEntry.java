package io.icegate.query.loki;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A log line as Loki answers it: its stream labels (index labels), structured metadata and labels a
 * parser added. Maps keep their order (structured metadata in the order Loki stores it, labels
 * sorted by name).
 *
 * <p>An entry read by {@link LogScan} builds its structured metadata only when it is first asked
 * for: most lines of a metric query or of a log query with a small limit never need it. Such an
 * entry must be {@link #materialize() materialized} before the scan batch it came from is released
 * if it is kept longer (reading it later fails rather than reading another row).
 */
public final class LogEntry {
  private final long timestampNanos;
  private final String line;
  private final Map<String, String> stream;
  private final Map<String, String> parsed;
  private Supplier<Map<String, String>> pending;
  private Map<String, String> structuredMetadata;

  public LogEntry(
      long timestampNanos,
      String line,
      Map<String, String> stream,
      Map<String, String> structuredMetadata,
      Map<String, String> parsed) {
    this.timestampNanos = timestampNanos;
    this.line = requireNonNull(line, "line is null");
    this.stream = requireNonNull(stream, "stream is null");
    this.structuredMetadata = requireNonNull(structuredMetadata, "structuredMetadata is null");
    this.parsed = requireNonNull(parsed, "parsed is null");
  }

  /** An entry without parsed labels whose structured metadata {@code metadata} builds on demand. */
  LogEntry(
      long timestampNanos,
      String line,
      Map<String, String> stream,
      Supplier<Map<String, String>> metadata) {
    this.timestampNanos = timestampNanos;
    this.line = requireNonNull(line, "line is null");
    this.stream = requireNonNull(stream, "stream is null");
    this.pending = requireNonNull(metadata, "metadata is null");
    this.parsed = Map.of();
  }

  public long timestampNanos() {
    return timestampNanos;
  }

  public String line() {
    return line;
  }

  public Map<String, String> stream() {
    return stream;
  }

  public Map<String, String> structuredMetadata() {
    if (structuredMetadata == null) {
      structuredMetadata = requireNonNull(pending.get(), "structuredMetadata is null");
      pending = null;
    }
    return structuredMetadata;
  }

  public Map<String, String> parsed() {
    return parsed;
  }

  /** This entry with its structured metadata built: safe to keep after its scan batch. */
  public LogEntry materialize() {
    structuredMetadata();
    return this;
  }

  /** One label as {@link #allLabels()} would give it: parsed over metadata over stream. */
  public String label(String name) {
    String value = parsed.get(name);
    if (value == null) {
      value = structuredMetadata().get(name);
    }
    return value != null ? value : stream.get(name);
  }

  /** All labels of the entry: stream, structured metadata, parsed (a later one wins). */
  public SortedMap<String, String> allLabels() {
    TreeMap<String, String> all = new TreeMap<>(stream);
    all.putAll(structuredMetadata());
    all.putAll(parsed);
    return all;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LogEntry other
        && timestampNanos == other.timestampNanos
        && line.equals(other.line)
        && stream.equals(other.stream)
        && structuredMetadata().equals(other.structuredMetadata())
        && parsed.equals(other.parsed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timestampNanos, line, stream, structuredMetadata(), parsed);
  }

  @Override
  public String toString() {
    return "LogEntry[timestampNanos="
        + timestampNanos
        + ", line="
        + line
        + ", stream="
        + stream
        + ", structuredMetadata="
        + structuredMetadata()
        + ", parsed="
        + parsed
        + "]";
  }
}
