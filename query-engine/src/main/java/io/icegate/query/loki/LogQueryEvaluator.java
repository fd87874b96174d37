package io.icegate.query.loki;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a log query: reads the selected entries through a {@link LogScan}, runs the pipeline, keeps
 * the first {@code limit} entries in the direction's order ({@link TopEntries}) and groups them
 * into streams by their full label set (stream labels only when labels are categorized, the rest
 * then travels with each entry).
 */
final class LogQueryEvaluator {
  private LogQueryEvaluator() {}

  static LokiStreams select(
      LogScan scan,
      LogSelection query,
      long startNanos,
      long endNanos,
      int limit,
      Direction direction,
      boolean categorized) {
    TopEntries top = new TopEntries(limit, direction);
    // A row too late for the top is skipped by its time alone, before anything else of it is read;
    // the others become lazy entries: metadata is built only when the pipeline or the top needs it.
    scan.forEachRow(
        query.selector(),
        query.lineFilters(),
        startNanos,
        endNanos,
        timestampNanos -> !top.rejects(timestampNanos),
        row -> query.pipeline().apply(row.entry()).ifPresent(top::offer));
    return group(top.sorted(), categorized);
  }

  /** Groups entries (already in answer order) into streams sorted by their labels. */
  static LokiStreams group(List<LogEntry> entries, boolean categorized) {
    Map<String, Map<String, String>> labelsByKey = new LinkedHashMap<>();
    Map<String, List<LogEntry>> entriesByKey = new java.util.TreeMap<>();
    for (LogEntry entry : entries) {
      Map<String, String> labels = categorized ? entry.stream() : entry.allLabels();
      String key = EntryOrder.labelKey(labels);
      labelsByKey.putIfAbsent(key, labels);
      entriesByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
    }
    List<LokiStreams.Stream> streams = new ArrayList<>();
    entriesByKey.forEach(
        (key, list) -> streams.add(new LokiStreams.Stream(labelsByKey.get(key), list)));
    return new LokiStreams(streams, categorized);
  }
}
