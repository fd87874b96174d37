package io.icegate.query.loki;

import java.util.List;
import java.util.Map;

/**
 * The streams of a log query's answer, each with its entries in the query's direction, streams
 * sorted by their labels.
 */
record LokiStreams(List<Stream> streams, boolean categorized) {
  LokiStreams {
    streams = List.copyOf(streams);
  }

  /** One stream: its labels and entries. */
  record Stream(Map<String, String> labels, List<LogEntry> entries) {
    Stream {
      labels = Map.copyOf(labels);
      entries = List.copyOf(entries);
    }
  }

  int entryCount() {
    return streams.stream().mapToInt(s -> s.entries().size()).sum();
  }
}
