package io.icegate.query.loki;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.wal.WalSignal;
import io.icegate.query.engine.ScanBatches;
import io.icegate.query.engine.ScanRequest;
import io.icegate.query.engine.TenantScan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;

/**
 * Reads the log rows of one tenant that a stream selector picks in a time range, with as much of
 * the work as possible done early: only the columns a query reads are scanned ({@link
 * LogColumnChoice}); the time range and {@code service_name} matchers go into the scan (Iceberg
 * pruning and the WAL); stream labels are built once per distinct resource and the other
 * stream-label matchers checked once per run of rows of one stream; leading line filters are
 * checked on the raw body; structured metadata is built only for entries someone asks it of. Not
 * thread-safe (one per query).
 */
final class LogScan {
  // A regexp that is a plain alternation of literals can be pushed as an IN list.
  private static final Pattern LITERAL_ALTERNATION =
      Pattern.compile("[A-Za-z0-9_:/@ -]+(\\|[A-Za-z0-9_:/@ -]+)*");

  private final TenantScan scan;
  private final LabelMapping mapping;
  private final StreamLabelCache streams;
  private long rowsRead;
  private long bytesRead;

  LogScan(TenantScan scan, LabelMapping mapping) {
    this.scan = requireNonNull(scan, "scan is null");
    this.mapping = requireNonNull(mapping, "mapping is null");
    this.streams = new StreamLabelCache(mapping);
  }

  /**
   * Hands every matching entry with {@code startNanos <= timestamp < endNanos} to {@code sink}, in
   * no particular order; every column is read and each entry is complete (safe to keep).
   *
   * @param lineFilters checked on the body before the entry is built
   */
  void forEach(
      List<LabelMatcher> selector,
      List<Predicate<String>> lineFilters,
      long startNanos,
      long endNanos,
      Consumer<LogEntry> sink) {
    try (EntryCursor cursor =
        open(selector, lineFilters, startNanos, endNanos, LogColumnChoice.ALL)) {
      while (cursor.nextBatch(entry -> sink.accept(entry.materialize()))) {
        // every entry of the batch went to the sink
      }
    }
  }

  /**
   * Hands every matching row of every column to {@code sink}; a row (and the entry it gives) is
   * valid only while the sink runs, see {@link ScannedRow#entry()}.
   *
   * @param wanted asked first, with the row's time: false skips the row before anything else of it
   *     is read (its answer may change as the sink runs)
   */
  void forEachRow(
      List<LabelMatcher> selector,
      List<Predicate<String>> lineFilters,
      long startNanos,
      long endNanos,
      LongPredicate wanted,
      RowSink sink) {
    try (EntryCursor cursor =
        open(selector, lineFilters, startNanos, endNanos, LogColumnChoice.ALL)) {
      cursor.wanted = requireNonNull(wanted, "wanted is null");
      while (cursor.nextRows(sink)) {
        // every row of the batch went to the sink
      }
    }
  }

  /** {@link #open(List, List, long, long, LogColumnChoice)} of every column. */
  EntryCursor open(
      List<LabelMatcher> selector,
      List<Predicate<String>> lineFilters,
      long startNanos,
      long endNanos) {
    return open(selector, lineFilters, startNanos, endNanos, LogColumnChoice.ALL);
  }

  /**
   * The matching rows one scan batch at a time, for callers that pull (a metric query's sample
   * stream): memory stays bounded by one batch. Only {@code columns} are read. The caller closes
   * it.
   */
  EntryCursor open(
      List<LabelMatcher> selector,
      List<Predicate<String>> lineFilters,
      long startNanos,
      long endNanos,
      LogColumnChoice columns) {
    if (!lineFilters.isEmpty() && !columns.body()) {
      throw new IllegalArgumentException("Invalid columns: line filters need the body");
    }
    if (endNanos <= startNanos) {
      return new EntryCursor(null, selector, lineFilters, startNanos, endNanos, columns);
    }
    ScanRequest request =
        ScanRequest.all(WalSignal.LOGS)
            .select(columns.names())
            .where(pushedFilter(selector))
            .between(
                Optional.of(instantFloorMicros(startNanos)),
                Optional.of(instantCeilMicros(endNanos)));
    return new EntryCursor(
        scan.scan(request), selector, lineFilters, startNanos, endNanos, columns);
  }

  /** Receives the rows a cursor keeps. */
  @FunctionalInterface
  interface RowSink {
    void accept(ScannedRow row);
  }

  /**
   * One kept row while a {@link RowSink} runs (the same object is reused for the next row): what
   * was read of it, decoded on demand.
   */
  final class ScannedRow {
    private LogRows.Batch batch;
    private int row;
    private long timestampNanos;
    private Map<String, String> stream;
    private String line;
    private final boolean metadata;

    private ScannedRow(boolean metadata) {
      this.metadata = metadata;
    }

    long timestampNanos() {
      return timestampNanos;
    }

    /** The stream labels of what was read: only {@code service_name} without the resource. */
    Map<String, String> stream() {
      return stream;
    }

    /** The line; "" when the body was not read. */
    String line() {
      if (line == null) {
        line = batch.body(row);
      }
      return line;
    }

    /** The line's UTF-8 size; 0 when the body was not read. */
    long lineBytes() {
      return batch.bodyBytes(row);
    }

    /**
     * The row as an entry; its structured metadata is built when first asked for, which must happen
     * before the cursor reads its next batch, and needs {@link LogColumnChoice#metadata()}.
     */
    LogEntry entry() {
      LogRows.Batch rows = batch;
      int r = row;
      Map<String, String> labels = stream;
      return new LogEntry(
          timestampNanos,
          line(),
          labels,
          () -> {
            if (!metadata) {
              throw new IllegalStateException("structured metadata was not read by this scan");
            }
            rows.checkValid();
            return mapping.queryMetadata(rows.row(r), labels);
          });
    }
  }

  /** An open scan of log entries, read batch by batch. */
  final class EntryCursor implements AutoCloseable {
    private final ScanBatches batches;
    private final List<LabelMatcher> selector;
    private final List<Predicate<String>> lineFilters;
    private final long startNanos;
    private final long endNanos;
    private final LogColumnChoice columns;
    private final ScannedRow current;
    // The last stream labels seen and whether the selector kept them: rows come in runs.
    private Map<String, String> lastStream;
    private boolean lastSelected;
    private LongPredicate wanted = timestampNanos -> true;

    private EntryCursor(
        ScanBatches batches,
        List<LabelMatcher> selector,
        List<Predicate<String>> lineFilters,
        long startNanos,
        long endNanos,
        LogColumnChoice columns) {
      this.batches = batches;
      this.selector = selector;
      this.lineFilters = lineFilters;
      this.startNanos = startNanos;
      this.endNanos = endNanos;
      this.columns = columns;
      this.current = new ScannedRow(columns.metadata());
    }

    /**
     * Reads the next scan batch and hands its matching entries to {@code sink}; see {@link
     * ScannedRow#entry()} for how long an entry may be kept.
     *
     * @return false at the end of the scan (nothing was handed out)
     */
    boolean nextBatch(Consumer<LogEntry> sink) {
      return nextRows(row -> sink.accept(row.entry()));
    }

    /**
     * Reads the next scan batch and hands its matching rows to {@code sink}.
     *
     * @return false at the end of the scan (nothing was handed out)
     */
    boolean nextRows(RowSink sink) {
      if (batches == null || !batches.loadNextBatch()) {
        return false;
      }
      scan.budget().checkDeadline();
      LogRows.Batch rows = new LogRows.Batch(batches.current());
      try {
        int previous = -1;
        Map<String, String> stream = null;
        for (int r = 0; r < rows.rowCount(); r++) {
          rowsRead++;
          long timestampNanos = rows.timestampNanos(r);
          if (timestampNanos < startNanos
              || timestampNanos >= endNanos
              || !wanted.test(timestampNanos)) {
            continue;
          }
          if (previous < 0 || !rows.sameStream(r, previous)) {
            stream = streams.labels(rows.serviceName(r), rows.resource(r));
          }
          previous = r;
          if (!selected(stream)) {
            continue;
          }
          current.batch = rows;
          current.row = r;
          current.timestampNanos = timestampNanos;
          current.stream = stream;
          current.line = null;
          if (columns.body()) {
            bytesRead += rows.bodyBytes(r);
            if (!lineFilters.isEmpty() && !keptByLineFilters(current.line())) {
              continue;
            }
          }
          sink.accept(current);
        }
      } finally {
        rows.expire();
        current.batch = null;
        current.line = null;
      }
      return true;
    }

    private boolean selected(Map<String, String> stream) {
      if (stream != lastStream) {
        lastStream = stream;
        lastSelected = true;
        for (LabelMatcher matcher : selector) {
          if (!matcher.matches(stream.get(matcher.name()))) {
            lastSelected = false;
            break;
          }
        }
      }
      return lastSelected;
    }

    private boolean keptByLineFilters(String line) {
      for (Predicate<String> filter : lineFilters) {
        if (!filter.test(line)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void close() {
      if (batches != null) {
        batches.close();
      }
    }
  }

  /**
   * Hands the stream labels of the rows a selector picks in {@code [startNanos, endNanos)} to
   * {@code sink}: every distinct stream at least once (a stream may come again once more than
   * {@link StreamLabelCache#MAX_ENTRIES} were seen), not once per row. Reads only the columns
   * stream labels come from. The maps are read-only.
   */
  void forEachStream(
      List<LabelMatcher> selector,
      long startNanos,
      long endNanos,
      Consumer<Map<String, String>> sink) {
    // One instance per distinct stream (StreamLabelCache): identity tells repeats apart cheaply.
    Set<Map<String, String>> handed = Collections.newSetFromMap(new IdentityHashMap<>());
    try (EntryCursor cursor =
        open(selector, List.of(), startNanos, endNanos, LogColumnChoice.STREAMS)) {
      while (cursor.nextRows(
          row -> {
            if (handed.size() >= StreamLabelCache.MAX_ENTRIES) {
              handed.clear();
            }
            if (handed.add(row.stream())) {
              sink.accept(row.stream());
            }
          })) {
        // every new stream of the batch went to the sink
      }
    }
  }

  long rowsRead() {
    return rowsRead;
  }

  long bytesRead() {
    return bytesRead;
  }

  /** The part of a selector Iceberg and the WAL reader can evaluate: {@code service_name}. */
  static Expression pushedFilter(List<LabelMatcher> selector) {
    List<Expression> pushed = new ArrayList<>();
    for (LabelMatcher matcher : selector) {
      if (!matcher.name().equals(LabelMapping.SERVICE_NAME)) {
        continue;
      }
      switch (matcher.type()) {
        case EQ -> pushed.add(Expressions.equal("service_name", matcher.value()));
        case NEQ -> pushed.add(Expressions.notEqual("service_name", matcher.value()));
        case RE -> {
          if (LITERAL_ALTERNATION.matcher(matcher.value()).matches()) {
            pushed.add(Expressions.in("service_name", (Object[]) matcher.value().split("\\|")));
          }
        }
        case NRE -> {
          // not pushed: a NOT IN would be fine too, but rarely selective
        }
      }
    }
    Expression filter = Expressions.alwaysTrue();
    for (Expression expression : pushed) {
      filter = Expressions.and(filter, expression);
    }
    return filter;
  }

  private static Instant instantFloorMicros(long nanos) {
    return Instant.ofEpochSecond(0, Math.floorDiv(nanos, 1000L) * 1000L);
  }

  private static Instant instantCeilMicros(long nanos) {
    return Instant.ofEpochSecond(0, Math.floorDiv(nanos + 999L, 1000L) * 1000L);
  }
}
