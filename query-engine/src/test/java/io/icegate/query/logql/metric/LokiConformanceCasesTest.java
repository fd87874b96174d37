package io.icegate.query.logql.metric;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.query.logql.metric.LogLinesSource.Line;
import io.icegate.query.logql.parse.LogQL;
import io.icegate.query.series.Labels;
import io.icegate.query.series.Point;
import io.icegate.query.series.Sample;
import io.icegate.query.series.Series;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases transcribed from Loki's own conformance data, {@code
 * pkg/logql/internal/logqltest/testdata/range_aggregations.logqltest} (grafana/loki @ 65e30f8), so
 * the expected values are Loki's, not ours. Lines a case's line filter would drop are left out and
 * {@code | logfmt | unwrap v} lines hold just the number: the pipeline is not under test here.
 */
class LokiConformanceCasesTest {
  private static final long S = 1_000_000_000L;
  private static final Double GAP = null;

  private static List<Line> every(Labels stream, String text, long fromSeconds, long step, int n) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add(new Line(stream, (fromSeconds + i * step) * S, text));
    }
    return lines;
  }

  private static Line at(Labels stream, long seconds, String text) {
    return new Line(stream, seconds * S, text);
  }

  private static MetricResult eval(List<Line> lines, String query, StepRange steps) {
    return new MetricQueryEvaluator(new LogLinesSource(lines), LokiMetricLimits.defaults())
        .evaluate(LogQL.parseMetricQuery(query), steps);
  }

  /** {@code eval range from .. to .. step ..}: expected values per step, null for a gap. */
  private static void range(
      List<Line> lines, String query, long from, long to, long step, Object... labelsAndValues) {
    StepRange steps = StepRange.range(from * S, to * S, step * S);
    List<Series> expected = new ArrayList<>();
    for (int i = 0; i < labelsAndValues.length; i += 2) {
      Double[] values = (Double[]) labelsAndValues[i + 1];
      List<Point> points = new ArrayList<>();
      for (int k = 0; k < values.length; k++) {
        if (values[k] != null) {
          points.add(new Point((from + k * step) * 1000, values[k]));
        }
      }
      expected.add(new Series((Labels) labelsAndValues[i], points));
    }
    assertThat(eval(lines, query, steps)).as(query).isEqualTo(new MetricResult.Matrix(expected));
  }

  private static void instant(List<Line> lines, String query, long at, Labels labels, double v) {
    instant(lines, query, at, new Sample(labels, v));
  }

  private static void instant(List<Line> lines, String query, long at, Sample... expected) {
    assertThat(eval(lines, query, StepRange.instant(at * S)))
        .as(query)
        .isEqualTo(new MetricResult.Vector(at * 1000, List.of(expected)));
  }

  private static Double[] v(Double... values) {
    return values;
  }

  @Test
  void absentOverTimeAcrossPresentToAbsentBoundaries() {
    Labels foo = Labels.of("app", "foo");
    List<Line> lines = every(foo, "xbar", 130, 30, 6);
    String q = "absent_over_time({app=\"foo\"}[1m])";
    range(lines, q, 60, 420, 60, foo, v(1.0, 1.0, GAP, GAP, GAP, 1.0, 1.0));
    range(lines, q, 60, 240, 60, foo, v(1.0, 1.0, GAP, GAP));
    range(lines, q, 180, 420, 60, foo, v(GAP, GAP, GAP, 1.0, 1.0));
  }

  @Test
  void bytesRateOverlappingNonOverlappingAndOffset() {
    Labels a = Labels.of("app", "a");
    Labels b = Labels.of("app", "b");
    List<Line> lines = new ArrayList<>(every(a, "xbar", 0, 10, 13));
    lines.addAll(every(b, "xxbar", 0, 10, 13));
    String sel = "bytes_rate({app=~\"a|b\"}";
    range(lines, sel + "[30s])", 60, 120, 15, a, v(.4, .4, .4, .4, .4), b, v(.5, .5, .5, .5, .5));
    range(lines, sel + "[20s])", 60, 150, 30, a, v(.4, .4, .4, GAP), b, v(.5, .5, .5, GAP));
    range(
        lines,
        sel + "[20s] offset 90s)",
        60,
        150,
        30,
        a,
        v(GAP, .2, .4, .4),
        b,
        v(GAP, .25, .5, .5));
    instant(lines, sel + "[20s] offset 90s)", 90, new Sample(a, 0.2), new Sample(b, 0.25));
  }

  @Test
  void firstAndLastOverTimeWithOffsetGapsAndNaN() {
    Labels a = Labels.of("app", "a");
    List<Line> lines =
        List.of(
            at(a, 10, "10"), at(a, 20, "20"), at(a, 30, "30"), at(a, 90, "40"), at(a, 100, "NaN"));
    String first = "first_over_time({app=\"a\"} | logfmt | unwrap v ";
    String last = "last_over_time({app=\"a\"} | logfmt | unwrap v ";
    instant(lines, first + "[1m])", 60, a, 10);
    instant(lines, last + "[1m])", 60, a, 30);
    range(lines, first + "[20s])", 20, 40, 10, a, v(10.0, 20.0, 30.0));
    range(lines, last + "[20s])", 20, 40, 10, a, v(20.0, 30.0, 30.0));
    range(lines, first + "[10s])", 10, 30, 20, a, v(10.0, 30.0));
    range(lines, first + "[20s] offset 30s)", 60, 120, 30, a, v(20.0, GAP, 40.0));
    range(lines, last + "[20s] offset 30s)", 60, 120, 30, a, v(30.0, GAP, 40.0));
    range(lines, first + "[20s])", 30, 90, 30, a, v(20.0, GAP, 40.0));
    instant(lines, first + "[30s])", 110, a, 40);
    instant(lines, last + "[30s])", 110, a, Double.NaN);
    instant(lines, first + "[30s])", 125, a, Double.NaN);
  }

  @Test
  void firstAndLastByPodWithAWindowNarrowerThanTheStep() {
    Labels p1 = Labels.of("app", "a", "pod", "1");
    Labels p2 = Labels.of("app", "a", "pod", "2");
    List<Line> lines =
        List.of(
            at(p1, 10, "1"),
            at(p1, 15, "2"),
            at(p1, 16, "5"),
            at(p1, 19, "8"),
            at(p2, 30, "10"),
            at(p2, 36, "20"),
            at(p2, 39, "25"));
    Labels pod1 = Labels.of("pod", "1");
    Labels pod2 = Labels.of("pod", "2");
    range(
        lines,
        "first_over_time({app=\"a\"} | logfmt | unwrap v [5s]) by (pod)",
        20,
        40,
        20,
        pod1,
        v(5.0, GAP),
        pod2,
        v(GAP, 20.0));
    range(
        lines,
        "last_over_time({app=\"a\"} | logfmt | unwrap v [5s]) by (pod)",
        20,
        40,
        20,
        pod1,
        v(8.0, GAP),
        pod2,
        v(GAP, 25.0));
  }

  @Test
  void quantileOverTime() {
    Labels a = Labels.of("app", "a");
    List<Line> lines =
        List.of(
            at(a, 10, "1"),
            at(a, 20, "2"),
            at(a, 30, "3"),
            at(a, 40, "4"),
            at(a, 50, "5"),
            at(a, 110, "6"));
    String q = "quantile_over_time(%s, {app=\"a\"} | logfmt | unwrap v [%s]%s)";
    instant(lines, String.format(q, "0.4", "1m", ""), 60, a, 2.6);
    instant(lines, String.format(q, "1.5", "1m", ""), 60, a, Double.POSITIVE_INFINITY);
    range(lines, String.format(q, "0.5", "1m", ""), 30, 60, 30, a, v(2.0, 3.0));
    range(lines, String.format(q, "0.5", "15s", ""), 20, 50, 30, a, v(1.5, 4.5));
    range(lines, String.format(q, "0.5", "15s", " offset 20s"), 50, 110, 30, a, v(2.5, 5.0, GAP));
    range(lines, String.format(q, "0.5", "15s", ""), 50, 110, 30, a, v(4.5, GAP, 6.0));
  }

  // ---- binary_operations.logqltest ------------------------------------------------------------

  private static final Labels FOO = Labels.of("app", "foo");
  private static final Labels BAR = Labels.of("app", "bar");

  /** foo every 10 s from 0 to 180 s, bar every 20 s from 0 to 180 s. */
  private static List<Line> fooBar() {
    List<Line> lines = new ArrayList<>(every(FOO, "x", 0, 10, 19));
    lines.addAll(every(BAR, "x", 0, 20, 10));
    return lines;
  }

  @Test
  void vectorScalarArithmetic() {
    List<Line> lines = fooBar();
    instant(lines, "count_over_time({app=\"foo\"}[1m]) + 1", 60, FOO, 7);
    instant(lines, "1 + count_over_time({app=\"foo\"}[1m])", 60, FOO, 7);
    instant(lines, "rate({app=\"bar\"}[1m]) - 1", 60, BAR, -0.95);
    instant(lines, "1 - rate({app=\"bar\"}[1m])", 60, BAR, 0.95);
    instant(lines, "rate({app=\"bar\"}[1m]) - 1 / 2", 60, BAR, -0.45);
    instant(lines, "30 / count_over_time({app=\"foo\"}[1m])", 60, FOO, 5);
    instant(lines, "16 % count_over_time({app=\"foo\"}[1m])", 60, FOO, 4);
    instant(lines, "count_over_time({app=\"bar\"}[1m]) ^ 2", 60, BAR, 9);
    instant(lines, "count_over_time({app=\"foo\"}[1m]) / 0", 60, FOO, Double.NaN);
    instant(lines, "count_over_time({app=\"foo\"}[1m]) % 0", 60, FOO, Double.NaN);
    range(
        lines,
        "count_over_time({app=\"foo\"}[1m]) * 2",
        60,
        180,
        30,
        FOO,
        v(12.0, 12.0, 12.0, 12.0, 12.0));
    instant(lines, "(vector(1) / vector(0)) + 1", 60, Labels.EMPTY, Double.NaN);
    assertThat(eval(lines, "10 / 5 / 2", StepRange.instant(60 * S)))
        .isEqualTo(new MetricResult.Scalar(60_000, 1));
    assertThat(eval(lines, "2^3^2", StepRange.instant(60 * S)))
        .isEqualTo(new MetricResult.Scalar(60_000, 512));
    assertThat(eval(lines, "-10 / 0", StepRange.instant(60 * S)))
        .isEqualTo(new MetricResult.Scalar(60_000, Double.NaN));
  }

  @Test
  void logicalOperatorsAndVectorVectorArithmetic() {
    List<Line> lines = fooBar();
    instant(
        lines,
        "rate({app=\"foo\"}[1m]) or vector(0)",
        60,
        new Sample(Labels.EMPTY, 0),
        new Sample(FOO, 0.1));
    range(
        lines,
        "rate({app=\"foo\"}[1m]) or rate({app=\"bar\"}[1m])",
        60,
        180,
        30,
        BAR,
        v(.05, .05, .05, .05, .05),
        FOO,
        v(.1, .1, .1, .1, .1));
    instant(lines, "rate({app=~\"foo|bar\"}[1m]) and rate({app=\"bar\"}[1m])", 60, BAR, 0.05);
    instant(lines, "rate({app=~\"foo|bar\"}[1m]) unless rate({app=\"bar\"}[1m])", 60, FOO, 0.1);
    instant(lines, "rate({app=~\"foo|bar\"}[1m]) + rate({app=\"bar\"}[1m])", 60, BAR, 0.1);
    instant(
        lines,
        "count_over_time({app=~\"foo|bar\"}[1m]) * count_over_time({app=\"bar\"}[1m])",
        60,
        BAR,
        9);
  }

  @Test
  void vectorVectorComparisonsOnSumBy() {
    Labels left = Labels.of("app", "left");
    Labels right = Labels.of("app", "right");
    List<Line> lines = new ArrayList<>();
    lines.addAll(every(left.with("id", "lt"), "x", 0, 20, 10));
    lines.addAll(every(left.with("id", "eq"), "x", 0, 20, 10));
    lines.addAll(every(left.with("id", "gt"), "x", 0, 10, 19));
    lines.addAll(every(right.with("id", "lt"), "x", 0, 10, 19));
    lines.addAll(every(right.with("id", "eq"), "x", 0, 20, 10));
    lines.addAll(every(right.with("id", "gt"), "x", 0, 20, 10));
    String l = "sum by (id) (count_over_time({app=\"left\"}[1m]))";
    String r = "sum by (id) (count_over_time({app=\"right\"}[1m]))";
    Labels lt = Labels.of("id", "lt");
    Labels eq = Labels.of("id", "eq");
    Labels gt = Labels.of("id", "gt");
    instant(lines, l + " < " + r, 60, lt, 3);
    instant(lines, l + " < bool " + r, 60, new Sample(eq, 0), new Sample(gt, 0), new Sample(lt, 1));
    instant(lines, l + " <= " + r, 60, new Sample(eq, 3), new Sample(lt, 3));
    instant(lines, l + " > " + r, 60, gt, 6);
    instant(lines, l + " >= " + r, 60, new Sample(eq, 3), new Sample(gt, 6));
    range(
        lines,
        l + " > bool " + r,
        60,
        180,
        30,
        eq,
        v(0.0, 0.0, 0.0, 0.0, 0.0),
        gt,
        v(1.0, 1.0, 1.0, 1.0, 1.0),
        lt,
        v(0.0, 0.0, 0.0, 0.0, 0.0));
  }
}
