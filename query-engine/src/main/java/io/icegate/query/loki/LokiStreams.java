package io.icegate.query.loki;

import java.util.List;
import java.util.Map;

/**
 * The streams of a log query's answer, each with its entries in the query's direction, streams
 * sorted by their labels.
 */
public record LokiStreams(List<Stream> streams, boolean categorized) {
  public LokiStreams {
    streams = List.copyOf(streams);
  }

  /** One stream: its labels and entries. */
  public record Stream(Map<String, String> labels, List<LogEntry> entries) {
    public Stream {
      labels = Map.copyOf(labels);
      entries = List.copyOf(entries);
    }
  }

  public int entryCount() {
    return streams.stream().mapToInt(s -> s.entries().size()).sum();
  }
}
