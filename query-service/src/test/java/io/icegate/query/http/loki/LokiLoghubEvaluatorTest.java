package io.icegate.query.http.loki;

import static io.icegate.query.http.loki.LoghubLines.S;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.wal.WalSignal;
import io.icegate.query.LakeStack;
import io.icegate.query.http.loki.LoghubLines.Entry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The log evaluator over 600 real loghub lines (OpenSSH, Apache, HDFS; 200 each, one per second),
 * the first 100 of each shifted to Iceberg and the rest still in the WAL, queried through {@code
 * /loki/api/v1/query_range}. Every expectation is computed by plain Java over the same input lines
 * (contains, java.util.regex, split), independently of the engine.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LokiLoghubEvaluatorTest {
  private static final long T0 = 1_795_600_800_000_000_000L;
  private static final String TENANT = "loghub";
  private static final int PER_FILE = 200;
  private static final int SHIFTED = 100;

  @TempDir static Path root;
  private LakeStack stack;
  private LokiClient loki;
  private List<Entry> ssh;
  private List<Entry> apache;
  private List<Entry> hdfs;

  @BeforeAll
  void start() {
    stack = LakeStack.start(root, Map.of());
    loki = new LokiClient(stack);
    // offsets keep every timestamp distinct: ssh at i s, apache at i s + 300 ms, hdfs + 600 ms
    ssh = LoghubLines.read("OpenSSH_2k.log", "openssh", T0, 0, PER_FILE);
    apache = LoghubLines.read("Apache_2k.log", "apache", T0, 300, PER_FILE);
    hdfs = LoghubLines.read("HDFS_2k.log", "hdfs", T0, 600, PER_FILE);
    for (List<Entry> service : List.of(ssh, apache, hdfs)) {
      LoghubLines.send(stack, TENANT, service.subList(0, SHIFTED));
    }
    assertThat(stack.shift(WalSignal.LOGS)).as("rows moved to Iceberg").isEqualTo(3L * SHIFTED);
    for (List<Entry> service : List.of(ssh, apache, hdfs)) {
      LoghubLines.send(stack, TENANT, service.subList(SHIFTED, PER_FILE));
    }
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private JsonNode range(String query, String direction, int limit) {
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query_range",
            LokiClient.query(
                "query",
                query,
                "start",
                Long.toString(T0 - 60 * S),
                "end",
                Long.toString(T0 + 600 * S),
                "limit",
                Integer.toString(limit),
                "direction",
                direction),
            "X-Scope-OrgID",
            TENANT);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.json().get("data").get("resultType").asText()).isEqualTo("streams");
    return reply.json();
  }

  /**
   * "ts line" of every entry, streams merged by timestamp in the direction; asserts each stream is
   * already in that direction's order.
   */
  private static List<String> entries(JsonNode answer, boolean backward) {
    List<long[]> order = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (JsonNode stream : answer.get("data").get("result")) {
      long previous = backward ? Long.MAX_VALUE : Long.MIN_VALUE;
      for (JsonNode value : stream.get("values")) {
        long ts = Long.parseLong(value.get(0).asText());
        assertThat(backward ? ts <= previous : ts >= previous).as("order in stream").isTrue();
        previous = ts;
        order.add(new long[] {ts, texts.size()});
        texts.add(ts + " " + value.get(1).asText());
      }
    }
    order.sort(Comparator.comparingLong(o -> backward ? -o[0] : o[0]));
    return order.stream().map(o -> texts.get((int) o[1])).toList();
  }

  /** The expected "ts line" list: matching entries, by time in the direction. */
  private static List<String> expected(
      List<Entry> input, Predicate<String> keep, Function<String, String> format, boolean back) {
    return input.stream()
        .filter(e -> keep.test(e.line()))
        .sorted(Comparator.comparingLong(e -> back ? -e.ts() : e.ts()))
        .map(e -> e.ts() + " " + format.apply(e.line()))
        .toList();
  }

  /** Backward expectations, never empty. */
  private static List<String> expected(List<Entry> input, Predicate<String> keep) {
    List<String> expected = expected(input, keep, Function.identity(), true);
    assertThat(expected).as("a filter that keeps nothing tests nothing").isNotEmpty();
    return expected;
  }

  private List<String> query(String logql) {
    return entries(range(logql, "backward", 5000), true);
  }

  @SafeVarargs
  private static List<Entry> all(List<Entry>... services) {
    List<Entry> all = new ArrayList<>();
    for (List<Entry> service : services) {
      all.addAll(service);
    }
    return all;
  }

  private static Predicate<String> find(String regex) {
    Pattern pattern = Pattern.compile(regex);
    return line -> pattern.matcher(line).find();
  }

  @Test
  void selectorsReturnEveryLineOfTheirServicesOnce() {
    assertThat(query("{service_name=\"apache\"}"))
        .containsExactlyElementsOf(expected(apache, l -> true));
    assertThat(query("{service_name=~\"openssh|hdfs\"}"))
        .containsExactlyElementsOf(expected(all(ssh, hdfs), l -> true));
    assertThat(query("{service_name=~\".+\", service_name!=\"apache\"}"))
        .containsExactlyElementsOf(expected(all(ssh, hdfs), l -> true));
  }

  @Test
  void lineFiltersChainedAndOr() {
    assertThat(query("{service_name=\"openssh\"} |= \"Failed password\" != \"invalid user\""))
        .containsExactlyElementsOf(
            expected(ssh, l -> l.contains("Failed password") && !l.contains("invalid user")));
    assertThat(query("{service_name=\"openssh\"} |~ `port 5\\d{4} `"))
        .containsExactlyElementsOf(expected(ssh, find("port 5\\d{4} ")));
    assertThat(query("{service_name=\"openssh\"} !~ `(?i)PREAUTH` |= \"sshd\""))
        .containsExactlyElementsOf(
            expected(ssh, find("(?i)PREAUTH").negate().and(l -> l.contains("sshd"))));
    assertThat(query("{service_name=~\"openssh|apache\"} |= \"Invalid user\" or \"[error]\""))
        .containsExactlyElementsOf(
            expected(all(ssh, apache), l -> l.contains("Invalid user") || l.contains("[error]")));
    assertThat(query("{service_name=\"apache\"} |= \"error\" |~ `state \\d+` != \"state 6\""))
        .containsExactlyElementsOf(
            expected(
                apache,
                l -> l.contains("error") && find("state \\d+").test(l) && !l.contains("state 6")));
  }

  @Test
  void patternLineFilter() {
    Predicate<String> failed = find("^.+? Failed password for .+? from .+? port .+$");
    String pattern = "\"<_> Failed password for <_> from <_> port <_>\"";
    List<String> positive = expected(ssh, failed);
    assertThat(positive).hasSizeGreaterThan(20);
    assertThat(query("{service_name=\"openssh\"} |> " + pattern))
        .containsExactlyElementsOf(positive);
    assertThat(query("{service_name=\"openssh\"} !> " + pattern))
        .containsExactlyElementsOf(expected(ssh, failed.negate()));
  }

  @Test
  void regexpParserWithNumericAndStringLabelFilters() {
    Pattern port = Pattern.compile("port (\\d+)");
    Predicate<String> highPort =
        l -> {
          Matcher m = port.matcher(l);
          return m.find() && Integer.parseInt(m.group(1)) > 50000;
        };
    assertThat(query("{service_name=\"openssh\"} | regexp `port (?P<port>\\d+)` | port > 50000"))
        .containsExactlyElementsOf(expected(ssh, highPort));
    Pattern user = Pattern.compile("user (\\S+) from");
    Predicate<String> support =
        l -> {
          Matcher m = user.matcher(l);
          return m.find() && m.group(1).equals("support");
        };
    assertThat(expected(ssh, support)).isNotEmpty();
    String users = "{service_name=\"openssh\"} | regexp `user (?P<user>\\S+) from`";
    assertThat(query(users + " | user=\"support\""))
        .containsExactlyElementsOf(expected(ssh, support));
    // label regex matchers are anchored: "test" must not match "test9"
    Predicate<String> test =
        l -> {
          Matcher m = user.matcher(l);
          return m.find() && m.group(1).matches("test");
        };
    assertThat(expected(ssh, test)).isNotEmpty();
    assertThat(query(users + " | user=~\"test\"")).containsExactlyElementsOf(expected(ssh, test));
  }

  /** HDFS lines split as the pattern {@code <_> <_> <pid> <lvl> <component>: <msg>} does. */
  private static Map<String, String> hdfsFields(String line) {
    String[] parts = line.split(" ", 5);
    int colon = parts[4].indexOf(": ");
    return Map.of(
        "pid",
        parts[2],
        "lvl",
        parts[3],
        "component",
        parts[4].substring(0, colon),
        "msg",
        parts[4].substring(colon + 2));
  }

  private static final String HDFS_PATTERN =
      "{service_name=\"hdfs\"} | pattern \"<_> <_> <pid> <lvl> <component>: <msg>\"";

  @Test
  void patternParserWithStringNumericAndRegexLabelFilters() {
    assertThat(query(HDFS_PATTERN + " | lvl=\"WARN\""))
        .containsExactlyElementsOf(expected(hdfs, l -> hdfsFields(l).get("lvl").equals("WARN")));
    assertThat(query(HDFS_PATTERN + " | lvl!=\"WARN\" and pid >= 200"))
        .containsExactlyElementsOf(
            expected(
                hdfs,
                l ->
                    !hdfsFields(l).get("lvl").equals("WARN")
                        && Integer.parseInt(hdfsFields(l).get("pid")) >= 200));
    assertThat(query(HDFS_PATTERN + " | component=~\"dfs\\\\.FSNamesystem\""))
        .containsExactlyElementsOf(
            expected(hdfs, l -> hdfsFields(l).get("component").equals("dfs.FSNamesystem")));
  }

  @Test
  void lineFormatRewritesEveryLine() {
    assertThat(
            query(HDFS_PATTERN + " | line_format \"{{.component}} [{{.lvl | lower}}] {{.msg}}\""))
        .containsExactlyElementsOf(
            expected(
                hdfs,
                l -> true,
                l -> {
                  Map<String, String> f = hdfsFields(l);
                  return f.get("component")
                      + " ["
                      + f.get("lvl").toLowerCase(Locale.ROOT)
                      + "] "
                      + f.get("msg");
                },
                true));
  }

  /** For every entry of the answer: its line mapped to its stream's labels. */
  private static Map<String, JsonNode> labelsByLine(JsonNode answer) {
    Map<String, JsonNode> labels = new HashMap<>();
    for (JsonNode stream : answer.get("data").get("result")) {
      for (JsonNode value : stream.get("values")) {
        labels.put(value.get(1).asText(), stream.get("stream"));
      }
    }
    return labels;
  }

  @Test
  void labelFormatTemplatesAndRenames() {
    JsonNode answer =
        range(
            HDFS_PATTERN + " | label_format who=\"{{.lvl}}/{{.pid}}\", comp=component",
            "backward",
            5000);
    assertThat(entries(answer, true)).containsExactlyElementsOf(expected(hdfs, l -> true));
    Map<String, JsonNode> labels = labelsByLine(answer);
    for (Entry e : hdfs) {
      Map<String, String> f = hdfsFields(e.line());
      JsonNode stream = labels.get(e.line());
      assertThat(stream.get("who").asText()).isEqualTo(f.get("lvl") + "/" + f.get("pid"));
      assertThat(stream.get("comp").asText()).isEqualTo(f.get("component"));
      assertThat(stream.has("component")).as("renamed away").isFalse();
      assertThat(stream.get("service_name").asText()).isEqualTo("hdfs");
    }
  }

  @Test
  void keepLeavesExactlyTheNamedLabels() {
    JsonNode answer = range(HDFS_PATTERN + " | keep service_name, lvl", "backward", 5000);
    Map<String, Integer> expectedCounts = new TreeMap<>();
    hdfs.forEach(e -> expectedCounts.merge(hdfsFields(e.line()).get("lvl"), 1, Integer::sum));
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode stream : answer.get("data").get("result")) {
      List<String> names = new ArrayList<>();
      stream.get("stream").fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactlyInAnyOrder("service_name", "lvl");
      counts.merge(
          stream.get("stream").get("lvl").asText(), stream.get("values").size(), Integer::sum);
    }
    assertThat(counts).isEqualTo(expectedCounts);
    assertThat(entries(answer, true)).containsExactlyElementsOf(expected(hdfs, l -> true));
  }

  @Test
  void dropRemovesNamedLabelsAndMatchingValuesOnly() {
    JsonNode answer = range(HDFS_PATTERN + " | drop pid, msg, lvl=\"INFO\"", "backward", 5000);
    assertThat(entries(answer, true)).containsExactlyElementsOf(expected(hdfs, l -> true));
    Map<String, JsonNode> labels = labelsByLine(answer);
    for (Entry e : hdfs) {
      Map<String, String> f = hdfsFields(e.line());
      JsonNode stream = labels.get(e.line());
      assertThat(stream.has("pid")).isFalse();
      assertThat(stream.has("msg")).isFalse();
      assertThat(stream.get("component").asText()).isEqualTo(f.get("component"));
      if (f.get("lvl").equals("INFO")) {
        assertThat(stream.has("lvl")).isFalse();
      } else {
        assertThat(stream.get("lvl").asText()).isEqualTo(f.get("lvl"));
      }
    }
  }

  @Test
  void limitAndDirectionAcrossTheWalIcebergBoundary() {
    List<Entry> both = all(ssh, apache);
    String selector = "{service_name=~\"openssh|apache\"}";
    // 200 of the 400 entries are in Iceberg, so 250 in either direction crosses the boundary
    for (int limit : List.of(1, 199, 250, 400)) {
      List<String> forward = entries(range(selector, "forward", limit), false);
      assertThat(forward)
          .as("forward limit %d", limit)
          .containsExactlyElementsOf(
              expected(both, l -> true, Function.identity(), false).subList(0, limit));
      List<String> backward = entries(range(selector, "backward", limit), true);
      assertThat(backward)
          .as("backward limit %d", limit)
          .containsExactlyElementsOf(expected(both, l -> true).subList(0, limit));
      assertThat(new HashSet<>(forward)).hasSize(limit);
      assertThat(new HashSet<>(backward)).hasSize(limit);
    }
    // with a filter the limit counts matching entries only
    List<String> errors =
        entries(range("{service_name=\"apache\"} |= \"[error]\"", "forward", 40), false);
    assertThat(errors)
        .containsExactlyElementsOf(
            expected(apache, l -> l.contains("[error]"), Function.identity(), false)
                .subList(0, 40));
  }

  @Test
  void countOverTimeByServiceAtStepBoundaries() {
    long start = T0 + 60 * S;
    long end = T0 + 240 * S;
    long step = 30 * S;
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query_range",
            LokiClient.query(
                "query",
                "sum by (service_name) (count_over_time({service_name=~\"openssh|apache|hdfs\"} |= \"error\" [1m]))",
                "start",
                Long.toString(start),
                "end",
                Long.toString(end),
                "step",
                "30s"),
            "X-Scope-OrgID",
            TENANT);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.json().get("data").get("resultType").asText()).isEqualTo("matrix");
    // naive: for every step t and service, lines containing "error" with t - 60 s < ts <= t
    Map<String, Map<Long, Long>> expectedSeries = new TreeMap<>();
    for (long t = start; t <= end; t += step) {
      for (Entry e : all(ssh, apache, hdfs)) {
        if (e.ts() > t - 60 * S && e.ts() <= t && e.line().contains("error")) {
          expectedSeries
              .computeIfAbsent(e.service(), k -> new TreeMap<>())
              .merge(t / 1_000_000, 1L, Long::sum);
        }
      }
    }
    assertThat(expectedSeries.keySet()).containsExactly("apache", "openssh");
    Map<String, Map<Long, Long>> series = new TreeMap<>();
    for (JsonNode result : reply.json().get("data").get("result")) {
      JsonNode metric = result.get("metric");
      assertThat(metric.size()).isEqualTo(1);
      Map<Long, Long> points = new TreeMap<>();
      for (JsonNode value : result.get("values")) {
        points.put(
            Math.round(value.get(0).asDouble() * 1000), Long.parseLong(value.get(1).asText()));
      }
      series.put(metric.get("service_name").asText(), points);
    }
    assertThat(series).isEqualTo(expectedSeries);
  }

  /** {@code query_range} of a metric query from T0+60s to T0+240s every 30 s, as series. */
  private Map<String, Map<Long, Double>> matrix(String query, String groupLabel) {
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query_range",
            LokiClient.query(
                "query",
                query,
                "start",
                Long.toString(T0 + 60 * S),
                "end",
                Long.toString(T0 + 240 * S),
                "step",
                "30s"),
            "X-Scope-OrgID",
            TENANT);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.json().get("data").get("resultType").asText()).isEqualTo("matrix");
    Map<String, Map<Long, Double>> series = new TreeMap<>();
    for (JsonNode result : reply.json().get("data").get("result")) {
      assertThat(result.get("metric").size()).as(result.toString()).isEqualTo(1);
      Map<Long, Double> points = new TreeMap<>();
      for (JsonNode value : result.get("values")) {
        points.put(
            Math.round(value.get(0).asDouble() * 1000), Double.parseDouble(value.get(1).asText()));
      }
      series.put(result.get("metric").get(groupLabel).asText(), points);
    }
    return series;
  }

  /**
   * Naive: for each step t, sums {@code value} of entries with t - 60 s < ts <= t by {@code group};
   * steps with no entry have no point.
   */
  private static Map<String, Map<Long, Double>> naive(
      List<Entry> input, Function<Entry, String> group, Function<Entry, Double> value) {
    Map<String, Map<Long, Double>> series = new TreeMap<>();
    for (long t = T0 + 60 * S; t <= T0 + 240 * S; t += 30 * S) {
      for (Entry e : input) {
        if (e.ts() > t - 60 * S && e.ts() <= t) {
          series
              .computeIfAbsent(group.apply(e), k -> new TreeMap<>())
              .merge(t / 1_000_000, value.apply(e), Double::sum);
        }
      }
    }
    return series;
  }

  @Test
  void countOverTimeGroupedByAnExtractedLabel() {
    assertThat(matrix("sum by (lvl) (count_over_time(" + HDFS_PATTERN + " [1m]))", "lvl"))
        .isEqualTo(naive(hdfs, e -> hdfsFields(e.line()).get("lvl"), e -> 1.0));
  }

  @Test
  void bytesOverTimeCountsLineBytes() {
    assertThat(
            matrix(
                "sum by (service_name) (bytes_over_time({service_name=~\"apache|hdfs\"} [1m]))",
                "service_name"))
        .isEqualTo(
            naive(
                all(apache, hdfs),
                Entry::service,
                e -> (double) e.line().getBytes(StandardCharsets.UTF_8).length));
  }

  @Test
  void rateIsCountPerSecondOfTheRange() {
    Map<String, Map<Long, Double>> counts =
        naive(
            ssh.stream().filter(e -> e.line().contains("Failed password")).toList(),
            Entry::service,
            e -> 1.0);
    Map<String, Map<Long, Double>> rates = new TreeMap<>();
    counts.forEach(
        (service, points) -> {
          Map<Long, Double> perSecond = new TreeMap<>();
          points.forEach((t, n) -> perSecond.put(t, n / 60.0));
          rates.put(service, perSecond);
        });
    assertThat(rates).isNotEmpty();
    assertThat(
            matrix(
                "sum by (service_name) (rate({service_name=\"openssh\"} |= \"Failed password\" [1m]))",
                "service_name"))
        .isEqualTo(rates);
  }

  @Test
  void logTimeRangeIsStartInclusiveEndExclusiveAcrossTheBoundary() {
    // lines 90..109 of openssh: 10 from Iceberg, 10 from the WAL
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query_range",
            LokiClient.query(
                "query",
                "{service_name=\"openssh\"}",
                "start",
                Long.toString(T0 + 90 * S),
                "end",
                Long.toString(T0 + 110 * S),
                "direction",
                "forward"),
            "X-Scope-OrgID",
            TENANT);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(entries(reply.json(), false))
        .containsExactlyElementsOf(
            ssh.subList(90, 110).stream().map(e -> e.ts() + " " + e.line()).toList());
  }
}
