package io.icegate.query.loki;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.engine.QueryBudget;
import io.icegate.query.engine.QueryLimits;
import io.icegate.query.engine.TenantScan;
import io.icegate.query.logql.ast.Expr;
import io.icegate.query.logql.ast.LogQLFormatter;
import io.icegate.query.logql.ast.LogSelector;
import io.icegate.query.logql.ast.SampleExpr;
import io.icegate.query.logql.metric.MetricLimits;
import io.icegate.query.logql.metric.MetricQueryEvaluator;
import io.icegate.query.logql.metric.MetricResult;
import io.icegate.query.logql.metric.StepRange;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The Loki API's operations over the scan layer, one tenant per call; {@link LokiController} maps
 * HTTP onto them. Parameters and defaults follow Loki ({@code pkg/loghttp/params.go}).
 */
@Singleton
public final class LokiApi {

  private final LakeScanner scanner;
  private final QueryLimits limits;
  private final LokiConfiguration config;
  private final LabelMapping mapping;
  private final LongSupplier nowNanos;
  private final MetricLimits metricLimits = MetricLimits.defaults();

  @Inject
  LokiApi(LakeScanner scanner, QueryLimits limits, LokiConfiguration config) {
    this(scanner, limits, config, LokiTime::nowNanos);
  }

  LokiApi(
      LakeScanner scanner, QueryLimits limits, LokiConfiguration config, LongSupplier nowNanos) {
    this.scanner = requireNonNull(scanner, "scanner is null");
    this.limits = requireNonNull(limits, "limits is null");
    this.config = requireNonNull(config, "config is null");
    this.mapping = new LabelMapping(config.indexLabels());
    this.nowNanos = requireNonNull(nowNanos, "nowNanos is null");
  }

  /** The answer of a query endpoint and what it cost. */
  record Answer(byte[] json, long bytesScanned, long rowsScanned) {}

  /**
   * {@code /loki/api/v1/format_query}: the query in canonical form, as Grafana's query editor asks
   * ({@code {"status":"success","data":"..."}}); nothing is read, so no tenant data is involved.
   */
  Answer formatQuery(LokiRequest params) {
    String formatted = LogQLFormatter.format(LogQlPlanner.parse(params.query(config)));
    return new Answer(LokiJson.formatted(formatted), 0, 0);
  }

  /** {@code /loki/api/v1/query_range}. */
  Answer queryRange(TenantId tenant, LokiRequest params, boolean categorized) {
    String query = params.query(config);
    LokiRequest.TimeRange range = params.bounds(nowNanos.getAsLong(), LokiTime.HOUR_NANOS);
    long start = range.start();
    long end = range.end();
    int limit = limit(params);
    Direction direction = params.get("direction").map(Direction::parse).orElse(Direction.BACKWARD);
    long step = params.step(range);
    params.duration("interval");
    Expr expr = LogQlPlanner.parse(query);
    if (expr instanceof SampleExpr sample) {
      return metric(tenant, sample, StepRange.range(start, end, step));
    }
    LogSelection selection = LogQlPlanner.selection((LogSelector) expr);
    // [start, end): ranges that Grafana's query splitting cuts at one nanosecond never overlap.
    return logs(tenant, selection, start, end, limit, direction, categorized);
  }

  /** {@code /loki/api/v1/query}: log queries look back {@code since} (default 1 h) from time. */
  Answer query(TenantId tenant, LokiRequest params, boolean categorized) {
    String query = params.query(config);
    long time = params.time("time").orElse(nowNanos.getAsLong());
    int limit = limit(params);
    Direction direction = params.get("direction").map(Direction::parse).orElse(Direction.BACKWARD);
    long since = params.duration("since").orElse(LokiTime.HOUR_NANOS);
    Expr expr = LogQlPlanner.parse(query);
    if (expr instanceof SampleExpr sample) {
      return metric(tenant, sample, StepRange.instant(time));
    }
    LogSelection selection = LogQlPlanner.selection((LogSelector) expr);
    return logs(tenant, selection, time - since, time + 1, limit, direction, categorized);
  }

  private Answer logs(
      TenantId tenant,
      LogSelection selection,
      long start,
      long endExclusive,
      int limit,
      Direction direction,
      boolean categorized) {
    long began = System.nanoTime();
    QueryBudget budget = new QueryBudget(limits);
    TenantScan scan = scanner.open(tenant, budget);
    LogScan logScan = new LogScan(scan, mapping);
    LokiStreams streams =
        LogQueryEvaluator.select(
            logScan, selection, start, endExclusive, limit, direction, categorized);
    QueryStats stats =
        new QueryStats(
            budget.bytesScanned(),
            budget.rowsScanned(),
            logScan.rowsRead(),
            logScan.bytesRead(),
            streams.entryCount(),
            System.nanoTime() - began);
    return new Answer(
        LokiJson.streams(streams, stats), budget.bytesScanned(), budget.rowsScanned());
  }

  private Answer metric(TenantId tenant, SampleExpr expr, StepRange steps) {
    long began = System.nanoTime();
    QueryBudget budget = new QueryBudget(limits);
    LogScan logScan = new LogScan(scanner.open(tenant, budget), mapping);
    MetricResult result =
        new MetricQueryEvaluator(new LokiSampleSource(logScan), metricLimits).evaluate(expr, steps);
    QueryStats stats =
        new QueryStats(
            budget.bytesScanned(),
            budget.rowsScanned(),
            logScan.rowsRead(),
            logScan.bytesRead(),
            0,
            System.nanoTime() - began);
    return new Answer(LokiJson.metric(result, stats), budget.bytesScanned(), budget.rowsScanned());
  }

  /** {@code /loki/api/v1/labels}: stream label names in the range, sorted. */
  Answer labels(TenantId tenant, LokiRequest params) {
    Set<String> names = new TreeSet<>();
    QueryBudget budget = new QueryBudget(limits);
    forEachStream(
        tenant,
        budget,
        params,
        selectorOf(params.get("query")),
        stream -> names.addAll(stream.keySet()));
    return new Answer(LokiJson.strings(names), budget.bytesScanned(), budget.rowsScanned());
  }

  /** {@code /loki/api/v1/label/{name}/values}: values of a stream label in the range, sorted. */
  Answer labelValues(TenantId tenant, String name, LokiRequest params) {
    Set<String> values = new TreeSet<>();
    QueryBudget budget = new QueryBudget(limits);
    forEachStream(
        tenant,
        budget,
        params,
        selectorOf(params.get("query")),
        stream -> {
          String value = stream.get(name);
          if (value != null) {
            values.add(value);
          }
        });
    return new Answer(LokiJson.strings(values), budget.bytesScanned(), budget.rowsScanned());
  }

  /** {@code /loki/api/v1/series}: the streams any {@code match[]} selects, sorted. */
  Answer series(TenantId tenant, LokiRequest params) {
    List<List<LabelMatcher>> selectors = new ArrayList<>();
    for (String match : params.all("match[]")) {
      selectors.add(checkedSelector(match));
    }
    Map<String, Map<String, String>> series = new TreeMap<>();
    QueryBudget budget = new QueryBudget(limits);
    forEachStream(
        tenant,
        budget,
        params,
        List.of(),
        stream -> {
          boolean selected = selectors.isEmpty();
          for (List<LabelMatcher> selector : selectors) {
            if (selector.stream().allMatch(m -> m.matches(stream.get(m.name())))) {
              selected = true;
              break;
            }
          }
          if (selected) {
            series.putIfAbsent(EntryOrder.labelKey(stream), stream);
          }
        });
    return new Answer(
        LokiJson.series(series.values()), budget.bytesScanned(), budget.rowsScanned());
  }

  private void forEachStream(
      TenantId tenant,
      QueryBudget budget,
      LokiRequest params,
      List<LabelMatcher> selector,
      java.util.function.Consumer<Map<String, String>> sink) {
    LokiRequest.TimeRange range = params.bounds(nowNanos.getAsLong(), 6 * LokiTime.HOUR_NANOS);
    LogScan scan = new LogScan(scanner.open(tenant, budget), mapping);
    Map<String, Boolean> seen = new LinkedHashMap<>();
    scan.forEachStream(
        selector,
        range.start(),
        range.end(),
        stream -> {
          if (seen.putIfAbsent(EntryOrder.labelKey(stream), Boolean.TRUE) == null) {
            sink.accept(stream);
          }
        });
  }

  private List<LabelMatcher> selectorOf(java.util.Optional<String> query) {
    return query
        .map(text -> LokiRequest.checkedQuery(text, config))
        .map(LokiQueries::selectorOf)
        .orElse(List.of());
  }

  private List<LabelMatcher> checkedSelector(String match) {
    return LokiQueries.selector(LokiRequest.checkedQuery(match, config));
  }

  private int limit(LokiRequest params) {
    int limit = params.integer("limit").orElse(100);
    if (limit <= 0) {
      throw new LokiBadRequestException("limit must be a positive value");
    }
    if (limit > config.maxLimit()) {
      throw new LokiBadRequestException(
          "max entries limit per query exceeded, limit > max_entries_limit ("
              + limit
              + " > "
              + config.maxLimit()
              + ") (icegate.loki.max-limit)");
    }
    return limit;
  }
}
