package io.icegate.query.loki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalSignal;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.engine.QueryBudget;
import io.icegate.query.engine.QueryLimits;
import io.icegate.query.logql.ast.SampleExpr;
import io.icegate.query.logql.metric.LokiMetricLimits;
import io.icegate.query.logql.metric.MetricQueryEvaluator;
import io.icegate.query.logql.metric.MetricResult;
import io.icegate.query.logql.metric.StepRange;
import io.icegate.query.series.Sample;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metric queries and scans read only the columns they need ({@link LogColumnChoice}), and give the
 * same answers as a read of every column and as plain Java over the input lines. Real ingest: OTLP
 * into the ingest service, half the rows shifted to Iceberg, the rest in the WAL; the scans run on
 * a {@link LakeScanner} over the same lake. (Log queries over the same data, through the HTTP API:
 * query-service's {@code LokiLogQueryColumnsTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LokiColumnChoiceTest {
  private static final long T0 = 1_795_600_800_000_000_000L;
  private static final long S = 1_000_000_000L;
  private static final String TENANT = "columns";
  private static final LogColumnChoice STREAM_ONLY = new LogColumnChoice(false, false, false);
  private static final LogColumnChoice BODY_ONLY = new LogColumnChoice(false, true, false);

  @TempDir static Path root;
  private IngestedLake stack;
  private final List<IngestedLake.Line> api = new ArrayList<>();
  private final List<IngestedLake.Line> web = new ArrayList<>();

  @BeforeAll
  void start() {
    stack = new IngestedLake(root);
    for (int i = 0; i < 30; i++) {
      Map<String, String> attributes = new HashMap<>();
      attributes.put("thread.id", Integer.toString(i % 4));
      if (i % 2 == 1) {
        // a record attribute named like the stream label: structured metadata service_name
        attributes.put("service.name", "shadow");
      }
      api.add(
          new IngestedLake.Line(
              T0 + i * S,
              "{\"x\":\"v" + (i % 3) + "\",\"msg\":\"héllo ✓ " + i + "\"}",
              9,
              attributes));
    }
    for (int i = 0; i < 20; i++) {
      web.add(
          new IngestedLake.Line(
              T0 + i * S + S / 2,
              i % 5 == 0 ? "GET /x error " + i : "GET /y ok " + i,
              9,
              Map.of("thread.id", Integer.toString(i % 2))));
    }
    Map<String, String> apiResource =
        Map.of("service.name", "api", "k8s.pod.name", "api-1", "host.name", "h1");
    Map<String, String> webResource = Map.of("service.name", "web", "k8s.pod.name", "web-1");
    stack.send(TENANT, apiResource, api.subList(0, 15));
    stack.send(TENANT, webResource, web.subList(0, 10));
    assertThat(stack.shift(WalSignal.LOGS)).as("rows moved to Iceberg").isEqualTo(25L);
    stack.send(TENANT, apiResource, api.subList(15, 30));
    stack.send(TENANT, webResource, web.subList(10, 20));
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  /** A metric query's instant answer at T0 + 60 s (labels → value) and the columns it read. */
  private record Run(Map<String, Double> values, List<LogColumnChoice> columns) {}

  private Run run(String query, boolean readEverything) {
    LakeScanner scanner = stack.scanner();
    QueryBudget budget = new QueryBudget(QueryLimits.defaults());
    LogScan scan = new LogScan(scanner.open(new TenantId(TENANT), budget), LabelMapping.defaults());
    LokiSampleSource source = new LokiSampleSource(scan, readEverything);
    MetricResult result =
        new MetricQueryEvaluator(source, LokiMetricLimits.defaults())
            .evaluate((SampleExpr) LogQlPlanner.parse(query), StepRange.instant(T0 + 60 * S));
    Map<String, Double> values = new TreeMap<>();
    for (Sample sample : ((MetricResult.Vector) result).samples()) {
      values.put(sample.labels().toString(), sample.value());
    }
    return new Run(values, source.columnsRead());
  }

  /** Runs the query narrow and wide; both must give {@code expected}; returns the narrow run. */
  private Run sameAsFullRead(String query, Map<String, Double> expected) {
    Run narrow = run(query, false);
    Run full = run(query, true);
    assertThat(full.columns()).containsOnly(LogColumnChoice.ALL);
    assertThat(narrow.values()).as(query).isEqualTo(full.values()).isEqualTo(expected);
    return narrow;
  }

  private static Map<String, Double> byLabel(String label, Map<String, Double> counts) {
    Map<String, Double> expected = new TreeMap<>();
    counts.forEach((value, count) -> expected.put("{" + label + "=\"" + value + "\"}", count));
    return expected;
  }

  @Test
  void countByServiceNameReadsNeitherBodyNorResourceNorMetadata() {
    Run run =
        sameAsFullRead(
            "sum by (service_name) (count_over_time({service_name=~\".+\"} [10m]))",
            byLabel("service_name", Map.of("api", 30.0, "web", 20.0)));
    assertThat(run.columns()).containsExactly(STREAM_ONLY);
    assertThat(STREAM_ONLY.names()).containsExactly("timestamp", "timestamp_nanos", "service_name");
  }

  @Test
  void bytesOverTimeReadsTheBodyAndCountsUtf8Bytes() {
    Map<String, Double> bytes = new LinkedHashMap<>();
    bytes.put("api", (double) utf8Bytes(api));
    bytes.put("web", (double) utf8Bytes(web));
    assertThat(utf8Bytes(api)).as("non-ASCII lines: bytes are not chars").isGreaterThan(chars(api));
    Run run =
        sameAsFullRead(
            "sum by (service_name) (bytes_over_time({service_name=~\".+\"} [10m]))",
            byLabel("service_name", bytes));
    assertThat(run.columns()).containsExactly(BODY_ONLY);
  }

  @Test
  void lineFilterReadsTheBody() {
    long errors = web.stream().filter(line -> line.body().contains("error")).count();
    Run run =
        sameAsFullRead(
            "sum by (service_name) (count_over_time({service_name=~\".+\"} |= \"error\" [10m]))",
            byLabel("service_name", Map.of("web", (double) errors)));
    assertThat(run.columns()).containsExactly(BODY_ONLY);
  }

  @Test
  void selectorOnAnotherStreamLabelReadsTheResource() {
    Run run =
        sameAsFullRead("sum(count_over_time({k8s_pod_name=\"web-1\"} [10m]))", Map.of("{}", 20.0));
    assertThat(run.columns()).containsExactly(new LogColumnChoice(true, false, false));
  }

  @Test
  void groupingByStructuredMetadataReadsEverything() {
    Map<String, Double> threads = new TreeMap<>();
    for (IngestedLake.Line line : concat(api, web)) {
      threads.merge(line.attributes().get("thread.id"), 1.0, Double::sum);
    }
    Run run =
        sameAsFullRead(
            "sum by (thread_id) (count_over_time({service_name=~\".+\"} [10m]))",
            byLabel("thread_id", threads));
    assertThat(run.columns()).containsExactly(LogColumnChoice.ALL);
  }

  @Test
  void parsedLabelsReadEverything() {
    Map<String, Double> xs = new TreeMap<>();
    for (int i = 0; i < api.size(); i++) {
      xs.merge("v" + (i % 3), 1.0, Double::sum);
    }
    Run run =
        sameAsFullRead(
            "sum by (x) (count_over_time({service_name=\"api\"} | json [10m]))", byLabel("x", xs));
    assertThat(run.columns()).containsExactly(LogColumnChoice.ALL);
  }

  @Test
  void withoutGroupingEverySeriesLabelIsRead() {
    Run run = run("count_over_time({service_name=\"web\"} [10m])", false);
    assertThat(run.columns()).containsExactly(LogColumnChoice.ALL);
    // one series per distinct label set: thread_id 0/1 × detected_level (error lines / others)
    assertThat(run.values().keySet())
        .allSatisfy(labels -> assertThat(labels).contains("thread_id=", "k8s_pod_name=\"web-1\""));
    assertThat(run.values().values().stream().mapToDouble(Double::doubleValue).sum())
        .isEqualTo(20.0);
    assertThat(run.values())
        .isEqualTo(run("count_over_time({service_name=\"web\"} [10m])", true).values());
  }

  @Test
  void metadataNamedLikeAStreamLabelNeverReplacesIt() {
    // Odd api lines carry a record attribute service.name=shadow: the stream label stays "api"
    // whether structured metadata is read or not, as in Loki (the metadata is
    // service_name_extracted).
    Run run =
        sameAsFullRead(
            "sum by (service_name) (count_over_time({service_name=\"api\"} [10m]))",
            byLabel("service_name", Map.of("api", 30.0)));
    assertThat(run.columns()).containsExactly(STREAM_ONLY);
    assertThat(
            run(
                    "sum by (service_name_extracted) (count_over_time({service_name=\"api\"} [10m]))",
                    false)
                .values())
        .isEqualTo(Map.of("{service_name_extracted=\"shadow\"}", 15.0, "{}", 15.0));
  }

  @Test
  void narrowScanReallyLeavesBodyResourceAndMetadataUnread() {
    LakeScanner scanner = stack.scanner();
    List<String> narrowLines = new ArrayList<>();
    List<String> fullLines = new ArrayList<>();
    List<Map<String, String>> narrowStreams = new ArrayList<>();
    List<Map<String, String>> fullMetadata = new ArrayList<>();
    for (LogColumnChoice columns : List.of(STREAM_ONLY, LogColumnChoice.ALL)) {
      LogScan scan =
          new LogScan(
              scanner.open(new TenantId(TENANT), new QueryBudget(QueryLimits.defaults())),
              LabelMapping.defaults());
      try (LogScan.EntryCursor cursor =
          scan.open(
              LokiQueries.selector("{service_name=\"web\"}"),
              List.of(),
              T0,
              T0 + 60 * S,
              columns)) {
        while (cursor.nextRows(
            row -> {
              if (columns == STREAM_ONLY) {
                narrowLines.add(row.line());
                narrowStreams.add(row.stream());
                assertThat(row.lineBytes()).isZero();
                LogEntry entry = row.entry();
                assertThatThrownBy(entry::structuredMetadata)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not read");
              } else {
                fullLines.add(row.line());
                fullMetadata.add(row.entry().structuredMetadata());
              }
            })) {
          // every row went to the sink
        }
      }
    }
    assertThat(narrowLines).hasSize(20).containsOnly("");
    assertThat(narrowStreams).containsOnly(Map.of("service_name", "web"));
    assertThat(fullLines)
        .containsExactlyInAnyOrderElementsOf(web.stream().map(IngestedLake.Line::body).toList());
    assertThat(fullMetadata).allSatisfy(metadata -> assertThat(metadata).containsKey("thread_id"));
  }

  @Test
  void lazyMetadataCannotBeReadAfterItsBatch() {
    LakeScanner scanner = stack.scanner();
    LogScan scan =
        new LogScan(
            scanner.open(new TenantId(TENANT), new QueryBudget(QueryLimits.defaults())),
            LabelMapping.defaults());
    List<LogEntry> kept = new ArrayList<>();
    scan.forEachRow(
        LokiQueries.selector("{service_name=\"web\"}"),
        List.of(),
        T0,
        T0 + 60 * S,
        timestampNanos -> true,
        row -> kept.add(row.entry()));
    assertThat(kept).hasSize(20);
    assertThatThrownBy(() -> kept.get(0).structuredMetadata())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("after its scan batch");
  }

  private static List<IngestedLake.Line> concat(
      List<IngestedLake.Line> a, List<IngestedLake.Line> b) {
    List<IngestedLake.Line> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static long utf8Bytes(List<IngestedLake.Line> lines) {
    return lines.stream().mapToLong(l -> l.body().getBytes(StandardCharsets.UTF_8).length).sum();
  }

  private static long chars(List<IngestedLake.Line> lines) {
    return lines.stream().mapToLong(l -> l.body().length()).sum();
  }
}
