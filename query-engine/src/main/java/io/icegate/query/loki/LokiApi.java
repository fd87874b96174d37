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
import io.icegate.query.logql.metric.LokiMetricLimits;
import io.icegate.query.logql.metric.MetricQueryEvaluator;
import io.icegate.query.logql.metric.MetricResult;
import io.icegate.query.logql.metric.StepRange;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The Loki API's operations over the scan layer, one tenant per call, with the parameters already
 * parsed (times in nanoseconds since the epoch): each method is what one Loki endpoint runs. The
 * HTTP face parses requests as Loki does ({@code pkg/loghttp/params.go}) and writes Loki's JSON; an
 * in-process caller (a rule evaluator, a benchmark) calls these directly.
 *
 * <p>Every query method throws {@link LokiBadRequestException} for a query Loki refuses, {@link
 * io.icegate.query.engine.QueryLimitExceededException} past an {@code icegate.query.*} limit, and
 * the metric evaluator's exceptions ({@code MetricLimitExceededException}, {@code
 * PipelineErrorException}, {@code VectorMatchingException}) as Loki answers them with 400.
 */
@Singleton
public final class LokiApi {
  private final LakeScanner scanner;
  private final QueryLimits limits;
  private final LabelMapping mapping;
  private final LokiMetricLimits metricLimits;

  @Inject
  public LokiApi(
      LakeScanner scanner,
      QueryLimits limits,
      LokiConfiguration config,
      LokiMetricLimits metricLimits) {
    this.metricLimits = requireNonNull(metricLimits, "metricLimits is null");
    this.scanner = requireNonNull(scanner, "scanner is null");
    this.limits = requireNonNull(limits, "limits is null");
    this.mapping = new LabelMapping(requireNonNull(config, "config is null").indexLabels());
  }

  /** What a metadata call answers and what it read from the lake. */
  public record Answer<T>(T result, long bytesScanned, long rowsScanned) {}

  /**
   * {@code format_query}: the query in canonical form; nothing is read, so no tenant is involved.
   *
   * @throws LokiBadRequestException when the query does not parse
   */
  public static String formatQuery(String query) {
    return LogQLFormatter.format(LogQlPlanner.parse(query));
  }

  /**
   * {@code query_range}: a log query returns the {@code limit} first entries of {@code [start,
   * end)} in {@code direction} (Grafana's query splitting cuts ranges at one nanosecond, so they
   * never overlap); a metric query is evaluated at every {@code step} from start to end.
   */
  public LokiResult queryRange(
      TenantId tenant,
      String query,
      long start,
      long end,
      long step,
      int limit,
      Direction direction,
      boolean categorized) {
    Expr expr = LogQlPlanner.parse(query);
    if (expr instanceof SampleExpr sample) {
      return metric(tenant, sample, StepRange.range(start, end, step));
    }
    LogSelection selection = LogQlPlanner.selection((LogSelector) expr);
    return logs(tenant, selection, start, end, limit, direction, categorized);
  }

  /**
   * {@code query}: a metric query is evaluated at {@code time}; a log query looks back {@code
   * since} from it, {@code [time - since, time]}.
   */
  public LokiResult query(
      TenantId tenant,
      String query,
      long time,
      long since,
      int limit,
      Direction direction,
      boolean categorized) {
    Expr expr = LogQlPlanner.parse(query);
    if (expr instanceof SampleExpr sample) {
      return metric(tenant, sample, StepRange.instant(time));
    }
    LogSelection selection = LogQlPlanner.selection((LogSelector) expr);
    return logs(tenant, selection, time - since, time + 1, limit, direction, categorized);
  }

  private LokiResult logs(
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
    return new LokiResult.Streams(streams, stats);
  }

  private LokiResult metric(TenantId tenant, SampleExpr expr, StepRange steps) {
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
    return new LokiResult.Metric(result, stats);
  }

  /** {@code labels}: stream label names of the streams {@code selector} picks in the range. */
  public Answer<Set<String>> labels(
      TenantId tenant, List<LabelMatcher> selector, long start, long end) {
    Set<String> names = new TreeSet<>();
    QueryBudget budget = new QueryBudget(limits);
    forEachStream(tenant, budget, selector, start, end, stream -> names.addAll(stream.keySet()));
    return new Answer<>(names, budget.bytesScanned(), budget.rowsScanned());
  }

  /** {@code label/{name}/values}: values of a stream label in the range, sorted. */
  public Answer<Set<String>> labelValues(
      TenantId tenant, String name, List<LabelMatcher> selector, long start, long end) {
    Set<String> values = new TreeSet<>();
    QueryBudget budget = new QueryBudget(limits);
    forEachStream(
        tenant,
        budget,
        selector,
        start,
        end,
        stream -> {
          String value = stream.get(name);
          if (value != null) {
            values.add(value);
          }
        });
    return new Answer<>(values, budget.bytesScanned(), budget.rowsScanned());
  }

  /** {@code series}: the streams any of {@code selectors} picks (all when none), sorted. */
  public Answer<Collection<Map<String, String>>> series(
      TenantId tenant, List<List<LabelMatcher>> selectors, long start, long end) {
    Map<String, Map<String, String>> series = new TreeMap<>();
    QueryBudget budget = new QueryBudget(limits);
    forEachStream(
        tenant,
        budget,
        List.of(),
        start,
        end,
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
    return new Answer<>(series.values(), budget.bytesScanned(), budget.rowsScanned());
  }

  private void forEachStream(
      TenantId tenant,
      QueryBudget budget,
      List<LabelMatcher> selector,
      long start,
      long end,
      Consumer<Map<String, String>> sink) {
    LogScan scan = new LogScan(scanner.open(tenant, budget), mapping);
    Map<String, Boolean> seen = new LinkedHashMap<>();
    scan.forEachStream(
        selector,
        start,
        end,
        stream -> {
          if (seen.putIfAbsent(EntryOrder.labelKey(stream), Boolean.TRUE) == null) {
            sink.accept(stream);
          }
        });
  }
}
