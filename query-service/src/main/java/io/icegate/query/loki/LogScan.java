package io.icegate.query.loki;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.wal.WalSignal;
import io.icegate.query.engine.ScanBatches;
import io.icegate.query.engine.ScanRequest;
import io.icegate.query.engine.TenantScan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;

/**
 * Reads the log rows of one tenant that a stream selector picks in a time range, with as much of
 * the work as possible done early: the time range and {@code service_name} matchers go into the
 * scan (Iceberg pruning and the WAL), the other stream-label matchers and leading line filters are
 * checked on the raw row before its structured metadata is built.
 */
final class LogScan {
  // A regexp that is a plain alternation of literals can be pushed as an IN list.
  private static final Pattern LITERAL_ALTERNATION =
      Pattern.compile("[A-Za-z0-9_:/@ -]+(\\|[A-Za-z0-9_:/@ -]+)*");

  private final TenantScan scan;
  private final LabelMapping mapping;
  private long rowsRead;
  private long bytesRead;

  LogScan(TenantScan scan, LabelMapping mapping) {
    this.scan = requireNonNull(scan, "scan is null");
    this.mapping = requireNonNull(mapping, "mapping is null");
  }

  /**
   * Hands every matching entry with {@code startNanos <= timestamp < endNanos} to {@code sink}, in
   * no particular order.
   *
   * @param lineFilters checked on the body before the entry is built
   */
  void forEach(
      List<LabelMatcher> selector,
      List<Predicate<String>> lineFilters,
      long startNanos,
      long endNanos,
      Consumer<LogEntry> sink) {
    try (EntryCursor cursor = open(selector, lineFilters, startNanos, endNanos)) {
      while (cursor.nextBatch(sink)) {
        // every entry of the batch went to the sink
      }
    }
  }

  /**
   * The matching entries of {@link #forEach} one scan batch at a time, for callers that pull (a
   * metric query's sample stream): memory stays bounded by one batch. The caller closes it.
   */
  EntryCursor open(
      List<LabelMatcher> selector,
      List<Predicate<String>> lineFilters,
      long startNanos,
      long endNanos) {
    if (endNanos <= startNanos) {
      return new EntryCursor(null, selector, lineFilters, startNanos, endNanos);
    }
    ScanRequest request =
        ScanRequest.all(WalSignal.LOGS)
            .select(LogRows.COLUMNS)
            .where(pushedFilter(selector))
            .between(
                Optional.of(instantFloorMicros(startNanos)),
                Optional.of(instantCeilMicros(endNanos)));
    return new EntryCursor(scan.scan(request), selector, lineFilters, startNanos, endNanos);
  }

  /** An open scan of log entries, read batch by batch. */
  final class EntryCursor implements AutoCloseable {
    private final ScanBatches batches;
    private final List<LabelMatcher> selector;
    private final List<Predicate<String>> lineFilters;
    private final long startNanos;
    private final long endNanos;

    private EntryCursor(
        ScanBatches batches,
        List<LabelMatcher> selector,
        List<Predicate<String>> lineFilters,
        long startNanos,
        long endNanos) {
      this.batches = batches;
      this.selector = selector;
      this.lineFilters = lineFilters;
      this.startNanos = startNanos;
      this.endNanos = endNanos;
    }

    /**
     * Reads the next scan batch and hands its matching entries to {@code sink}.
     *
     * @return false at the end of the scan (nothing was handed out)
     */
    boolean nextBatch(Consumer<LogEntry> sink) {
      if (batches == null || !batches.loadNextBatch()) {
        return false;
      }
      scan.budget().checkDeadline();
      LogRows.forEach(
          batches.current(),
          row -> {
            rowsRead++;
            if (row.timestampNanos() < startNanos || row.timestampNanos() >= endNanos) {
              return;
            }
            Map<String, String> stream = mapping.streamLabels(row);
            for (LabelMatcher matcher : selector) {
              if (!matcher.matches(stream.get(matcher.name()))) {
                return;
              }
            }
            bytesRead += row.body().length();
            for (Predicate<String> filter : lineFilters) {
              if (!filter.test(row.body())) {
                return;
              }
            }
            sink.accept(
                new LogEntry(
                    row.timestampNanos(),
                    row.body(),
                    stream,
                    mapping.structuredMetadata(row),
                    Map.of()));
          });
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
   * Hands the stream labels of every row a selector picks in {@code [startNanos, endNanos)} to
   * {@code sink}; reads only the columns stream labels come from.
   */
  void forEachStream(
      List<LabelMatcher> selector,
      long startNanos,
      long endNanos,
      Consumer<Map<String, String>> sink) {
    if (endNanos <= startNanos) {
      return;
    }
    ScanRequest request =
        ScanRequest.all(WalSignal.LOGS)
            .select(LogRows.STREAM_COLUMNS)
            .where(pushedFilter(selector))
            .between(
                Optional.of(instantFloorMicros(startNanos)),
                Optional.of(instantCeilMicros(endNanos)));
    try (ScanBatches batches = scan.scan(request)) {
      // One batch at a time: memory stays bounded by the batch, not by the scan.
      while (batches.loadNextBatch()) {
        VectorSchemaRoot batch = batches.current();
        scan.budget().checkDeadline();
        LogRows.forEachStreamRow(
            batch,
            (timestampNanos, serviceName, resource) -> {
              rowsRead++;
              if (timestampNanos < startNanos || timestampNanos >= endNanos) {
                return;
              }
              Map<String, String> stream = mapping.streamLabels(serviceName, resource);
              for (LabelMatcher matcher : selector) {
                if (!matcher.matches(stream.get(matcher.name()))) {
                  return;
                }
              }
              sink.accept(stream);
            });
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
