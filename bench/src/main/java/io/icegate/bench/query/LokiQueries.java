package io.icegate.bench.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The LogQL queries of {@link LokiBenchmark} (four of the issue, a fifth without any filter), each
 * with the DuckDB SQL that computes the same answer, and how both answers are reduced to comparable
 * values.
 */
final class LokiQueries {
  private static final long STEP_SECONDS = 300;
  private static final DateTimeFormatter SQL_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final Instant start;
  private final Instant end;
  private final String service;
  private final String word;

  LokiQueries(Instant start, Instant end, String service, String word) {
    this.start = start;
    this.end = end;
    this.service = service;
    this.word = word;
  }

  /** One query: Loki parameters, SQL, and both answers reduced to something {@code equals}. */
  record Query(
      String logql,
      LokiQueryRange.Params params,
      String sql,
      Function<JsonNode, Object> fromLoki,
      Function<List<List<String>>, Object> fromDuck) {
    Object fromLoki(JsonNode answer) {
      return fromLoki.apply(LokiBenchmark.result(answer));
    }

    Object fromDuck(List<List<String>> rows) {
      return fromDuck.apply(rows);
    }
  }

  /** A log query's answer: how many entries, the newest and the oldest timestamp (ns). */
  record Entries(long count, long newestNanos, long oldestNanos) {}

  List<Query> all() {
    String selector = "{service_name=\"" + service + "\"}";
    String inRange = timeAtLeast(start) + " AND \"timestamp\" < " + literal(end);
    // Loki's |= is a case-sensitive substring test; contains() is exactly that.
    String lineFilter = selector + " |= \"" + word + "\"";
    String lineSql =
        entriesSql(
            "service_name = '" + service + "' AND contains(body, '" + word + "') AND " + inRange);
    // The bodies are not JSON: json adds __error__ to every line and keeps it (Loki does the
    // same), the filter then tests thread_id, structured metadata from the record attribute
    // thread.id (0-63 in LoghubRows), so this measures the json stage's cost plus a label filter.
    String jsonFilter = selector + " | json | thread_id=\"7\"";
    String jsonSql =
        entriesSql(
            "service_name = '"
                + service
                + "' AND list_contains(map_extract(attributes, 'thread.id'), '7') AND "
                + inRange);
    String count = "sum by (service_name) (count_over_time({service_name=~\".+\"} [5m]))";
    String topk =
        "topk(10, sum by (service_name) (rate({service_name=~\".+\"} |= \"error\" [5m])))";
    // Every service, no filter: the newest 1000 of ~2.3M rows per hour (Grafana's first query).
    String every = "{service_name=~\".+\"}";
    return List.of(
        new Query(lineFilter, logParams(lineFilter), lineSql, LokiQueries::entries, this::rows),
        new Query(jsonFilter, logParams(jsonFilter), jsonSql, LokiQueries::entries, this::rows),
        new Query(
            count,
            metricParams(count),
            stepCountsSql("TRUE"),
            LokiQueries::seriesPoints,
            this::duckSeriesPoints),
        new Query(
            topk,
            metricParams(topk),
            stepCountsSql("contains(body, 'error')"),
            LokiQueries::topPerStep,
            this::duckTopPerStep),
        new Query(every, logParams(every), entriesSql(inRange), LokiQueries::entries, this::rows));
  }

  /** Rows a metric query's windows cover: ({@code start} - 5m, {@code end}]. */
  String rangeRowsSql() {
    return "SELECT count(*) FROM logs WHERE " + metricRange();
  }

  private LokiQueryRange.Params logParams(String logql) {
    return LokiQueryRange.Params.logs(logql, nanos(start), nanos(end), 1000);
  }

  private LokiQueryRange.Params metricParams(String logql) {
    return LokiQueryRange.Params.metric(
        logql, nanos(start), nanos(end), STEP_SECONDS * 1_000_000_000L);
  }

  private static String entriesSql(String where) {
    return "SELECT count(*), coalesce(max(ns), 0), coalesce(min(ns), 0) FROM (SELECT"
        + " epoch_us(\"timestamp\") * 1000 AS ns FROM logs WHERE "
        + where
        + " ORDER BY \"timestamp\" DESC LIMIT 1000)";
  }

  /**
   * Rows per service and step: step k (at start + k·5m) counts the window (t - 5m, t], as Loki's
   * range aggregations do; with range = step every row falls in exactly one window.
   */
  private String stepCountsSql(String where) {
    long startMicros = start.getEpochSecond() * 1_000_000L;
    long stepMicros = STEP_SECONDS * 1_000_000L;
    return "SELECT service_name, (epoch_us(\"timestamp\") - "
        + startMicros
        + " + "
        + (stepMicros - 1)
        + ") // "
        + stepMicros
        + " AS k, count(*) FROM logs WHERE "
        + metricRange()
        + " AND "
        + where
        + " GROUP BY ALL";
  }

  private String metricRange() {
    return "\"timestamp\" > "
        + literal(start.minusSeconds(STEP_SECONDS))
        + " AND \"timestamp\" <= "
        + literal(end);
  }

  private static String timeAtLeast(Instant at) {
    return "\"timestamp\" >= " + literal(at);
  }

  private static String literal(Instant at) {
    return "TIMESTAMP '" + SQL_TIME.format(at) + "'";
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }

  private static Object entries(JsonNode result) {
    long count = 0;
    long newest = 0;
    long oldest = Long.MAX_VALUE;
    for (JsonNode stream : result) {
      for (JsonNode value : stream.path("values")) {
        long ns = Long.parseLong(value.get(0).asText());
        count++;
        newest = Math.max(newest, ns);
        oldest = Math.min(oldest, ns);
      }
    }
    return new Entries(count, newest, count == 0 ? 0 : oldest);
  }

  private Object rows(List<List<String>> rows) {
    List<String> row = rows.get(0);
    return new Entries(
        Long.parseLong(row.get(0)), Long.parseLong(row.get(1)), Long.parseLong(row.get(2)));
  }

  /** service@unix-seconds → value, every point of every series. */
  private static Object seriesPoints(JsonNode result) {
    Map<String, Long> points = new TreeMap<>();
    for (JsonNode series : result) {
      String name = series.path("metric").path("service_name").asText();
      for (JsonNode value : series.path("values")) {
        points.put(
            name + "@" + (long) value.get(0).asDouble(),
            Math.round(Double.parseDouble(value.get(1).asText())));
      }
    }
    return points;
  }

  private Object duckSeriesPoints(List<List<String>> rows) {
    Map<String, Long> points = new TreeMap<>();
    for (List<String> row : rows) {
      points.put(row.get(0) + "@" + stepSeconds(row.get(1)), Long.parseLong(row.get(2)));
    }
    return points;
  }

  /**
   * unix-seconds → the top 10 error counts (rate × 300), descending: services that tie may be
   * chosen differently, the values may not.
   */
  private static Object topPerStep(JsonNode result) {
    Map<Long, List<Long>> steps = new TreeMap<>();
    for (JsonNode series : result) {
      for (JsonNode value : series.path("values")) {
        steps
            .computeIfAbsent((long) value.get(0).asDouble(), k -> new ArrayList<>())
            .add(Math.round(Double.parseDouble(value.get(1).asText()) * STEP_SECONDS));
      }
    }
    steps.values().forEach(list -> list.sort(Comparator.reverseOrder()));
    return steps;
  }

  private Object duckTopPerStep(List<List<String>> rows) {
    Map<Long, List<Long>> steps = new TreeMap<>();
    for (List<String> row : rows) {
      steps
          .computeIfAbsent(stepSeconds(row.get(1)), k -> new ArrayList<>())
          .add(Long.parseLong(row.get(2)));
    }
    steps.replaceAll(
        (k, list) -> list.stream().sorted(Comparator.reverseOrder()).limit(10).toList());
    return steps;
  }

  private long stepSeconds(String k) {
    return start.getEpochSecond() + Long.parseLong(k) * STEP_SECONDS;
  }

  /** A short text of an answer for the table. */
  static String describe(Object answer) {
    if (answer instanceof Entries entries) {
      return entries.count() + " entries";
    }
    Map<?, ?> map = (Map<?, ?>) answer;
    long total = 0;
    for (Object value : map.values()) {
      if (value instanceof Long n) {
        total += n;
      } else {
        for (Object n : (List<?>) value) {
          total += (Long) n;
        }
      }
    }
    return map.size()
        + (map.isEmpty() || map.values().iterator().next() instanceof Long
            ? " points, sum " + total
            : " steps, top-10 sum " + total);
  }
}
