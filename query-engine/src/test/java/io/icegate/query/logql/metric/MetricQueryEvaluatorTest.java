package io.icegate.query.logql.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.query.logql.metric.LogLinesSource.Line;
import io.icegate.query.logql.parse.LogQL;
import io.icegate.query.series.Labels;
import io.icegate.query.series.Point;
import io.icegate.query.series.Sample;
import io.icegate.query.series.Series;
import io.icegate.query.series.VectorMatchingException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LogQL metric queries from text to answer; every expected value is worked out by hand. */
class MetricQueryEvaluatorTest {
  private static final long S = 1_000_000_000L;
  private static final Labels P1 = Labels.of("job", "x", "app", "a", "pod", "1");
  private static final Labels P2 = Labels.of("job", "x", "app", "a", "pod", "2");
  private static final Labels P3 = Labels.of("job", "x", "app", "b", "pod", "3");
  private static final Labels OTHER = Labels.of("job", "y", "app", "a");
  private static final Labels APP_A = Labels.of("app", "a");
  private static final Labels APP_B = Labels.of("app", "b");

  /** In time order: pod 1 at 1, 2, 11, 21 s; pod 2 at 5, 25 s; pod 3 at 10, 20, 30 s. */
  private static final List<Line> LINES =
      List.of(
          line(P1, 1, "2"),
          line(P1, 2, "4"),
          line(OTHER, 3, "100"),
          line(P2, 5, "10"),
          line(P3, 10, "1"),
          line(P1, 11, "6"),
          line(P3, 20, "3"),
          line(P1, 21, "8"),
          line(P2, 25, "20"),
          line(P3, 30, "5"));

  private static final StepRange RANGE = StepRange.range(10 * S, 30 * S, 10 * S);

  private static Line line(Labels stream, long seconds, String text) {
    return new Line(stream, seconds * S, text);
  }

  private static MetricResult run(String query, StepRange steps) {
    return run(query, steps, LokiMetricLimits.defaults());
  }

  private static MetricResult run(String query, StepRange steps, LokiMetricLimits limits) {
    return new MetricQueryEvaluator(new LogLinesSource(LINES), limits)
        .evaluate(LogQL.parseMetricQuery(query), steps);
  }

  private static List<Sample> instant(String query, long seconds) {
    MetricResult.Vector v = (MetricResult.Vector) run(query, StepRange.instant(seconds * S));
    assertThat(v.timestampMs()).isEqualTo(seconds * 1000);
    return v.samples();
  }

  private static Series series(Labels labels, long... secondsAndValues) {
    List<Point> points = new java.util.ArrayList<>();
    for (int i = 0; i < secondsAndValues.length; i += 2) {
      points.add(new Point(secondsAndValues[i] * 1000, secondsAndValues[i + 1]));
    }
    return new Series(labels, points);
  }

  @Test
  void grafanaHealthCheckVectorPlusVector() {
    MetricResult result =
        new MetricQueryEvaluator(new LogLinesSource(List.of()), LokiMetricLimits.defaults())
            .evaluate(
                LogQL.parseMetricQuery("vector(1)+vector(1)"),
                StepRange.instant(4_000_000_000L * S));
    assertThat(result)
        .isEqualTo(
            new MetricResult.Vector(4_000_000_000_000L, List.of(new Sample(Labels.EMPTY, 2))));
  }

  @Test
  void numbersAloneAreScalarsOrConstantSeries() {
    assertThat(run("1 + 1", StepRange.instant(7 * S))).isEqualTo(new MetricResult.Scalar(7000, 2));
    assertThat(run("2 > bool 1", RANGE))
        .isEqualTo(new MetricResult.Matrix(List.of(series(Labels.EMPTY, 10, 1, 20, 1, 30, 1))));
  }

  @Test
  void sumByOverCountOverTime() {
    assertThat(run("sum by (app) (count_over_time({job=\"x\"}[10s]))", RANGE))
        .isEqualTo(
            new MetricResult.Matrix(
                List.of(series(APP_A, 10, 3, 20, 1, 30, 2), series(APP_B, 10, 1, 20, 1, 30, 1))));
  }

  @Test
  void offsetLeavesGapsWhereNoWindowHoldsLines() {
    // t=10 reads (-10,0] (nothing), t=20 reads (0,10], t=30 reads (10,20].
    assertThat(run("sum by (app) (count_over_time({job=\"x\"}[10s] offset 10s))", RANGE))
        .isEqualTo(
            new MetricResult.Matrix(
                List.of(series(APP_A, 20, 3, 30, 1), series(APP_B, 20, 1, 30, 1))));
  }

  @Test
  void splitRangesGiveTheSameAnswerAndReadOnlyTheirWindows() {
    String query =
        "label_replace(topk(2, sum by (app, pod) (rate({job=\"x\"}[15s]))) * 2 > bool 0.1,"
            + " \"who\", \"$1\", \"pod\", \"(.*)\") or sum(count_over_time({job=\"x\"}[5s]))";
    StepRange steps = StepRange.range(5 * S, 35 * S, 5 * S);
    MetricResult whole = run(query, steps);
    LogLinesSource source = new LogLinesSource(LINES);
    MetricResult pieces =
        new MetricQueryEvaluator(source, new LokiMetricLimits(500, 11_000, 100_000, 2))
            .evaluate(LogQL.parseMetricQuery(query), steps);
    assertThat(pieces).isEqualTo(whole);
    assertThat(((MetricResult.Matrix) whole).series()).hasSizeGreaterThan(2);
    // 7 steps in pieces of 2: 4 pieces, two range aggregations each; the first piece (5, 10 s)
    // of the rate reads (5 - 15, 10] s.
    assertThat(source.requests).hasSize(8);
    assertThat(source.requests.get(0)).containsExactly(-10 * S, 10 * S);
  }

  @Test
  void unwrappedRangeAggregations() {
    assertThat(instant("sum_over_time({job=\"x\"} | unwrap v [10s])", 10))
        .containsExactly(new Sample(P1, 6), new Sample(P2, 10), new Sample(P3, 1));
    assertThat(instant("max_over_time({job=\"x\"} | unwrap v [10s]) by (app)", 10))
        .containsExactly(new Sample(APP_A, 10), new Sample(APP_B, 1));
    // a: 2,4,6,8,10,20 -> rank 2.5 -> 7; b: 1,3,5 -> 3.
    assertThat(instant("quantile_over_time(0.5, {job=\"x\"} | unwrap v [30s]) by (app)", 30))
        .containsExactly(new Sample(APP_A, 7), new Sample(APP_B, 3));
    // 1, 3, 5 at 10, 20, 30 s in (0, 30]: increase 4, start extrapolated to the zero point 5 s
    // before the first sample: 4 x 25 / 20 = 5 over 30 s.
    assertThat(instant("rate_counter({job=\"x\", app=\"b\"} | unwrap v [30s])", 30))
        .containsExactly(new Sample(P3, 5.0 / 30));
    assertThat(instant("avg_over_time({job=\"x\"} | unwrap v [30s]) by (app)", 30))
        .containsExactly(new Sample(APP_A, 50.0 / 6), new Sample(APP_B, 3));
  }

  @Test
  void lineAndByteFunctions() {
    assertThat(instant("bytes_over_time({job=\"x\", app=\"b\"}[30s])", 30))
        .containsExactly(new Sample(P3, 3));
    assertThat(instant("bytes_rate({job=\"x\", app=\"b\"}[30s])", 30))
        .containsExactly(new Sample(P3, 0.1));
    assertThat(instant("absent_over_time({job=\"x\", app=\"zzz\", pod=~\".+\"}[10s])", 10))
        .containsExactly(new Sample(Labels.of("job", "x", "app", "zzz"), 1));
    assertThat(instant("absent_over_time({job=\"x\"}[10s])", 10)).isEmpty();
  }

  @Test
  void vectorAggregationsAndOrdering() {
    assertThat(instant("topk(1, sum by (app) (count_over_time({job=\"x\"}[10s])))", 10))
        .containsExactly(new Sample(APP_A, 3));
    // Instant answers are sorted by labels unless the query sorts by value.
    assertThat(instant("sort_desc(sum by (pod) (count_over_time({job=\"x\"}[10s])))", 10))
        .extracting(s -> s.labels().get("pod"))
        .containsExactly("1", "2", "3");
    assertThat(instant("sort(sum by (pod) (count_over_time({job=\"x\"}[10s])))", 10))
        .extracting(s -> s.labels().get("pod"))
        .containsExactly("2", "3", "1");
    assertThat(instant("count(count_over_time({job=\"x\"}[10s]))", 10))
        .containsExactly(new Sample(Labels.EMPTY, 3));
    assertThat(instant("avg without (pod) (count_over_time({job=\"x\"}[10s]))", 10))
        .containsExactly(
            new Sample(Labels.of("app", "a", "job", "x"), 1.5),
            new Sample(Labels.of("app", "b", "job", "x"), 1));
  }

  @Test
  void binaryOperatorsWithMatching() {
    String perPod = "sum by (app, pod) (count_over_time({job=\"x\"}[10s]))";
    String perApp = "sum by (app) (count_over_time({job=\"x\"}[10s]))";
    assertThat(instant(perPod + " / on (app) group_left " + perApp, 10))
        .containsExactly(
            new Sample(Labels.of("app", "a", "pod", "1"), 2.0 / 3),
            new Sample(Labels.of("app", "a", "pod", "2"), 1.0 / 3),
            new Sample(Labels.of("app", "b", "pod", "3"), 1));
    assertThat(instant(perApp + " > bool 1", 10))
        .containsExactly(new Sample(APP_A, 1), new Sample(APP_B, 0));
    assertThat(instant(perApp + " > 1", 10)).containsExactly(new Sample(APP_A, 3));
    assertThat(instant("2 * " + perApp, 10))
        .containsExactly(new Sample(APP_A, 6), new Sample(APP_B, 2));
    assertThatThrownBy(() -> run(perPod + " / on (app) " + perApp, StepRange.instant(10 * S)))
        .isInstanceOf(VectorMatchingException.class)
        .hasMessage(
            "multiple matches for labels: many-to-one matching must be explicit"
                + " (group_left/group_right)");
  }

  @Test
  void labelReplaceWithGoNamedGroups() {
    assertThat(
            instant(
                "label_replace(sum by (app) (count_over_time({job=\"x\"}[10s])), \"svc\","
                    + " \"${the_app}-svc\", \"app\", \"(?P<the_app>.*)\")",
                10))
        .containsExactly(
            new Sample(APP_A.with("svc", "a-svc"), 3), new Sample(APP_B.with("svc", "b-svc"), 1));
  }

  @Test
  void limitsNameTheirSetting() {
    assertThatThrownBy(
            () ->
                run(
                    "count_over_time({job=\"x\"}[10s])",
                    RANGE,
                    new LokiMetricLimits(2, 11_000, 100_000, 1000)))
        .isInstanceOf(MetricLimitExceededException.class)
        .hasMessage(
            "maximum number of series (2) reached for a single query; consider reducing query"
                + " cardinality by adding more specific stream selectors, reducing the time range,"
                + " or aggregating results with functions like sum(), count() or topk()"
                + " (icegate.query.loki.max-series)");
    assertThatThrownBy(
            () -> run("count_over_time({job=\"x\"}[10s])", StepRange.range(0, 11_001 * S, S)))
        .isInstanceOf(MetricLimitExceededException.class)
        .hasMessage(
            "exceeded maximum resolution of 11,000 points per time series. Try increasing the"
                + " value of the step parameter (icegate.query.loki.max-points)");
    assertThat(run("count_over_time({job=\"x\"}[10s])", StepRange.range(0, 11_000 * S, S)))
        .isInstanceOf(MetricResult.Matrix.class);
  }
}
