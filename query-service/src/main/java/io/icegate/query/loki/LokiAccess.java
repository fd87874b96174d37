package io.icegate.query.loki;

import io.icegate.query.engine.TenantScan;
import java.util.List;
import java.util.function.Consumer;
import org.apache.iceberg.expressions.Expression;

/**
 * What the endpoints in the sub-packages ({@code index}, {@code detected}, {@code tail}) use of
 * this package: time and duration parsing, LogQL selectors and log queries, and the log scan. A
 * door, not a copy: everything here delegates, so the Loki API has one parser and one scan.
 */
public final class LokiAccess {
  private LokiAccess() {}

  /** A time parameter in nanoseconds (integer ns or s, float s, RFC3339), as Loki parses it. */
  public static long parseTime(String name, String value) {
    return LokiTime.parseTime(name, value);
  }

  /** A duration parameter ({@code 5m}, {@code 15}, {@code 0.5}) in nanoseconds. */
  public static long parseDuration(String name, String value) {
    return LokiTime.parseDuration(name, value);
  }

  /** The stream selector of any query text; a bad query throws {@link LokiBadRequestException}. */
  public static List<LabelMatcher> selectorOf(String query) {
    return LokiQueries.selectorOf(query);
  }

  /** A log query: selector, leading line filters, the rest of the pipeline. */
  public static LogSelection logQuery(String query) {
    return LokiQueries.logQuery(query);
  }

  /** The part of a selector the scan layer evaluates (pushed into Iceberg and the WAL reader). */
  public static Expression pushedFilter(List<LabelMatcher> selector) {
    return LogScan.pushedFilter(selector);
  }

  /**
   * Hands every entry of {@code selection} with {@code startNanos <= timestamp < endNanos}, after
   * its pipeline, to {@code sink}, in no particular order.
   */
  public static void forEachEntry(
      TenantScan scan,
      LabelMapping mapping,
      LogSelection selection,
      long startNanos,
      long endNanos,
      Consumer<LogEntry> sink) {
    new LogScan(scan, mapping)
        .forEach(
            selection.selector(),
            selection.lineFilters(),
            startNanos,
            endNanos,
            entry -> selection.pipeline().apply(entry).ifPresent(sink));
  }
}
