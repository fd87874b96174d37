package io.icegate.query.logql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.query.logql.ast.BinaryOp;
import io.icegate.query.logql.ast.BinaryOperation;
import io.icegate.query.logql.ast.CompareOp;
import io.icegate.query.logql.ast.GroupingExpr;
import io.icegate.query.logql.ast.JsonParser;
import io.icegate.query.logql.ast.LabelFilterStage;
import io.icegate.query.logql.ast.LabelReplaceExpr;
import io.icegate.query.logql.ast.LineFilterExpr;
import io.icegate.query.logql.ast.LineFilterOp;
import io.icegate.query.logql.ast.Literal;
import io.icegate.query.logql.ast.LogRange;
import io.icegate.query.logql.ast.LogSelector;
import io.icegate.query.logql.ast.LogfmtParser;
import io.icegate.query.logql.ast.MatchOp;
import io.icegate.query.logql.ast.Matcher;
import io.icegate.query.logql.ast.NumericLabelFilter;
import io.icegate.query.logql.ast.RangeAggregation;
import io.icegate.query.logql.ast.RangeOp;
import io.icegate.query.logql.ast.SampleExpr;
import io.icegate.query.logql.ast.StringLabelFilterExpr;
import io.icegate.query.logql.ast.Unwrap;
import io.icegate.query.logql.ast.UnwrapConversion;
import io.icegate.query.logql.ast.VectorAggregation;
import io.icegate.query.logql.ast.VectorLiteral;
import io.icegate.query.logql.ast.VectorMatchingExpr;
import io.icegate.query.logql.ast.VectorOp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Metric queries: range and vector aggregations, unwrap, offset, binary operators. */
class LogQLMetricParserTest {
  private static final LogSelector FOO =
      LogSelector.of(List.of(new Matcher("foo", MatchOp.EQ, "bar")));

  private static SampleExpr parse(String query) {
    return LogQL.parseMetricQuery(query);
  }

  private static RangeAggregation count(Duration range) {
    return new RangeAggregation(
        RangeOp.COUNT_OVER_TIME,
        new LogRange(FOO, range, Duration.ZERO, Optional.empty()),
        Optional.empty(),
        Optional.empty());
  }

  private static RangeAggregation rate5m() {
    return new RangeAggregation(
        RangeOp.RATE,
        new LogRange(FOO, Duration.ofMinutes(5), Duration.ZERO, Optional.empty()),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void everyRangeAggregationWithoutUnwrap() {
    for (RangeOp op :
        List.of(
            RangeOp.COUNT_OVER_TIME,
            RangeOp.RATE,
            RangeOp.BYTES_OVER_TIME,
            RangeOp.BYTES_RATE,
            RangeOp.ABSENT_OVER_TIME)) {
      assertThat(parse(op.function() + "({foo=\"bar\"}[12h])"))
          .isEqualTo(
              new RangeAggregation(
                  op,
                  new LogRange(FOO, Duration.ofHours(12), Duration.ZERO, Optional.empty()),
                  Optional.empty(),
                  Optional.empty()));
    }
  }

  @Test
  void everyUnwrapAggregationWithEveryConversion() {
    for (RangeOp op :
        List.of(
            RangeOp.RATE,
            RangeOp.RATE_COUNTER,
            RangeOp.SUM_OVER_TIME,
            RangeOp.AVG_OVER_TIME,
            RangeOp.MIN_OVER_TIME,
            RangeOp.MAX_OVER_TIME,
            RangeOp.STDVAR_OVER_TIME,
            RangeOp.STDDEV_OVER_TIME,
            RangeOp.FIRST_OVER_TIME,
            RangeOp.LAST_OVER_TIME,
            RangeOp.ABSENT_OVER_TIME)) {
      for (UnwrapConversion conversion : UnwrapConversion.values()) {
        String label = conversion == UnwrapConversion.NONE ? "x" : conversion.function() + "(x)";
        assertThat(parse(op.function() + "({foo=\"bar\"} | unwrap " + label + " [1m])"))
            .isEqualTo(
                new RangeAggregation(
                    op,
                    new LogRange(
                        FOO,
                        Duration.ofMinutes(1),
                        Duration.ZERO,
                        Optional.of(new Unwrap("x", conversion, List.of()))),
                    Optional.empty(),
                    Optional.empty()));
      }
    }
  }

  @Test
  void quantileWithParameterGroupingOffsetAndPostFilters() {
    SampleExpr expr =
        parse(
            "quantile_over_time(0.99, {foo=\"bar\"} | json | unwrap duration_seconds(latency)"
                + " | __error__=\"\" | latency > 0 [5m] offset 1h) by (namespace)");
    assertThat(expr)
        .isEqualTo(
            new RangeAggregation(
                RangeOp.QUANTILE_OVER_TIME,
                new LogRange(
                    new LogSelector(FOO.matchers(), List.of(new JsonParser(List.of()))),
                    Duration.ofMinutes(5),
                    Duration.ofHours(1),
                    Optional.of(
                        new Unwrap(
                            "latency",
                            UnwrapConversion.DURATION_SECONDS,
                            List.of(
                                new StringLabelFilterExpr(new Matcher("__error__", MatchOp.EQ, "")),
                                new NumericLabelFilter("latency", CompareOp.GT, 0))))),
                Optional.of(0.99),
                Optional.of(GroupingExpr.by("namespace"))));
  }

  @Test
  void rangeMayFollowSelectorOrPipelineOrParentheses() {
    RangeAggregation expected =
        new RangeAggregation(
            RangeOp.COUNT_OVER_TIME,
            new LogRange(
                new LogSelector(
                    FOO.matchers(), List.of(LineFilterExpr.of(LineFilterOp.CONTAINS, "x"))),
                Duration.ofMinutes(5),
                Duration.ofMinutes(2),
                Optional.empty()),
            Optional.empty(),
            Optional.empty());
    assertThat(parse("count_over_time({foo=\"bar\"} |= \"x\" [5m] offset 2m)")).isEqualTo(expected);
    assertThat(parse("count_over_time({foo=\"bar\"}[5m] offset 2m |= \"x\")")).isEqualTo(expected);
    assertThat(parse("count_over_time(({foo=\"bar\"} |= \"x\")[5m] offset 2m)"))
        .isEqualTo(expected);
    assertThat(parse("count_over_time(({foo=\"bar\"} |= \"x\" [5m] offset 2m))"))
        .isEqualTo(expected);
    assertThat(parse("count_over_time(({foo=\"bar\"}[5m] offset 2m |= \"x\"))"))
        .isEqualTo(expected);
  }

  @Test
  void unwrapMayFollowTheRange() {
    RangeAggregation expected =
        new RangeAggregation(
            RangeOp.SUM_OVER_TIME,
            new LogRange(
                new LogSelector(FOO.matchers(), List.of(new LogfmtParser(false, false, List.of()))),
                Duration.ofMinutes(5),
                Duration.ZERO,
                Optional.of(new Unwrap("bytes", UnwrapConversion.BYTES, List.of()))),
            Optional.empty(),
            Optional.empty());
    assertThat(parse("sum_over_time({foo=\"bar\"} | logfmt | unwrap bytes(bytes) [5m])"))
        .isEqualTo(expected);
    assertThat(parse("sum_over_time({foo=\"bar\"}[5m] | logfmt | unwrap bytes(bytes))"))
        .isEqualTo(expected);
  }

  @Test
  void vectorAggregationsWithGroupingBeforeOrAfter() {
    VectorAggregation byApp =
        new VectorAggregation(
            VectorOp.SUM, rate5m(), Optional.of(GroupingExpr.by("app", "ns")), Optional.empty());
    assertThat(parse("sum by (app, ns) (rate({foo=\"bar\"}[5m]))")).isEqualTo(byApp);
    assertThat(parse("sum(rate({foo=\"bar\"}[5m])) by (app, ns)")).isEqualTo(byApp);
    for (VectorOp op :
        List.of(
            VectorOp.SUM,
            VectorOp.AVG,
            VectorOp.MIN,
            VectorOp.MAX,
            VectorOp.COUNT,
            VectorOp.STDDEV,
            VectorOp.STDVAR,
            VectorOp.SORT,
            VectorOp.SORT_DESC)) {
      assertThat(parse(op.function() + "(rate({foo=\"bar\"}[5m]))"))
          .isEqualTo(new VectorAggregation(op, rate5m(), Optional.empty(), Optional.empty()));
    }
    assertThat(parse("max without () (rate({foo=\"bar\"}[5m]))"))
        .isEqualTo(
            new VectorAggregation(
                VectorOp.MAX,
                rate5m(),
                Optional.of(GroupingExpr.withoutLabels()),
                Optional.empty()));
  }

  @Test
  void topkAndBottomkTakeK() {
    assertThat(parse("topk(10, rate({foo=\"bar\"}[5m])) without (bar)"))
        .isEqualTo(
            new VectorAggregation(
                VectorOp.TOPK,
                rate5m(),
                Optional.of(GroupingExpr.withoutLabels("bar")),
                Optional.of(10)));
    assertThat(parse("bottomk by (x) (3, rate({foo=\"bar\"}[5m]))"))
        .isEqualTo(
            new VectorAggregation(
                VectorOp.BOTTOMK, rate5m(), Optional.of(GroupingExpr.by("x")), Optional.of(3)));
  }

  @Test
  void binaryPrecedenceFollowsPromQl() {
    SampleExpr a = rate5m();
    // a + a * a ^ a ^ a > bool a and a or a unless a
    SampleExpr pow = BinaryOperation.of(BinaryOp.POW, a, BinaryOperation.of(BinaryOp.POW, a, a));
    SampleExpr mul = BinaryOperation.of(BinaryOp.MUL, a, pow);
    SampleExpr add = BinaryOperation.of(BinaryOp.ADD, a, mul);
    SampleExpr gt = new BinaryOperation(BinaryOp.GT, add, a, true, Optional.empty());
    SampleExpr and = BinaryOperation.of(BinaryOp.AND, gt, a);
    SampleExpr unless = BinaryOperation.of(BinaryOp.UNLESS, a, a);
    SampleExpr or = BinaryOperation.of(BinaryOp.OR, and, unless);
    String r = "rate({foo=\"bar\"}[5m])";
    assertThat(
            parse(
                r
                    + " + "
                    + r
                    + " * "
                    + r
                    + " ^ "
                    + r
                    + " ^ "
                    + r
                    + " > bool "
                    + r
                    + " and "
                    + r
                    + " or "
                    + r
                    + " unless "
                    + r))
        .isEqualTo(or);
    assertThat(parse(r + " - " + r + " - " + r))
        .isEqualTo(BinaryOperation.of(BinaryOp.SUB, BinaryOperation.of(BinaryOp.SUB, a, a), a));
    assertThat(parse("(" + r + " - " + r + ") / " + r + " % " + r))
        .isEqualTo(
            BinaryOperation.of(
                BinaryOp.MOD,
                BinaryOperation.of(BinaryOp.DIV, BinaryOperation.of(BinaryOp.SUB, a, a), a),
                a));
  }

  @Test
  void vectorMatchingModifiers() {
    String r = "rate({foo=\"bar\"}[5m])";
    assertThat(parse(r + " / on (a, b) group_left (c) " + r))
        .isEqualTo(
            new BinaryOperation(
                BinaryOp.DIV,
                rate5m(),
                rate5m(),
                false,
                Optional.of(
                    new VectorMatchingExpr(
                        true,
                        List.of("a", "b"),
                        VectorMatchingExpr.Cardinality.MANY_TO_ONE,
                        List.of("c")))));
    assertThat(parse(r + " == bool ignoring (a) group_right " + r))
        .isEqualTo(
            new BinaryOperation(
                BinaryOp.EQ,
                rate5m(),
                rate5m(),
                true,
                Optional.of(
                    new VectorMatchingExpr(
                        false,
                        List.of("a"),
                        VectorMatchingExpr.Cardinality.ONE_TO_MANY,
                        List.of()))));
    assertThat(parse(r + " and on () " + r))
        .isEqualTo(
            new BinaryOperation(
                BinaryOp.AND,
                rate5m(),
                rate5m(),
                false,
                Optional.of(
                    new VectorMatchingExpr(
                        true, List.of(), VectorMatchingExpr.Cardinality.ONE_TO_ONE, List.of()))));
  }

  @Test
  void literalsAreFoldedLikeLokiDoes() {
    assertThat(parse("1 + 1")).isEqualTo(new Literal(2));
    assertThat(parse("1 + -2 / 1")).isEqualTo(new Literal(-1));
    assertThat(parse("1 >= 1 > 1")).isEqualTo(new Literal(0));
    assertThat(parse("2 ^ 3 ^ 2")).isEqualTo(new Literal(512));
    assertThat(parse("-1.5e1")).isEqualTo(new Literal(-15));
    assertThat(parse("(((3)))")).isEqualTo(new Literal(3));
    assertThat(parse("rate({foo=\"bar\"}[5m]) * -2"))
        .isEqualTo(BinaryOperation.of(BinaryOp.MUL, rate5m(), new Literal(-2)));
    assertThat(parse("1 / 0"))
        .isEqualTo(BinaryOperation.of(BinaryOp.DIV, new Literal(1), new Literal(0)));
  }

  @Test
  void labelReplaceAndVector() {
    assertThat(
            parse(
                "label_replace(rate({foo=\"bar\"}[5m]), \"dst\", \"$1-${2}\", \"src\", \"(.*)-(?P<x>.*)\")"))
        .isEqualTo(new LabelReplaceExpr(rate5m(), "dst", "$1-${2}", "src", "(.*)-(?P<x>.*)"));
    assertThat(parse("vector(5)")).isEqualTo(new VectorLiteral(5));
    assertThat(parse("sum(rate({foo=\"bar\"}[5m])) or vector(0)"))
        .isEqualTo(
            BinaryOperation.of(
                BinaryOp.OR,
                new VectorAggregation(VectorOp.SUM, rate5m(), Optional.empty(), Optional.empty()),
                new VectorLiteral(0)));
  }

  @Test
  void rangesUsePrometheusUnits() {
    assertThat(parse("count_over_time({foo=\"bar\"}[1w])")).isEqualTo(count(Duration.ofDays(7)));
    assertThat(parse("count_over_time({foo=\"bar\"}[1y])")).isEqualTo(count(Duration.ofDays(365)));
    assertThat(parse("count_over_time({foo=\"bar\"}[1h30m])"))
        .isEqualTo(count(Duration.ofMinutes(90)));
    assertThat(parse("count_over_time({foo=\"bar\"}[250ms])"))
        .isEqualTo(count(Duration.ofMillis(250)));
  }

  @Test
  void labelFilterInsideRangeStopsAtTheRange() {
    assertThat(parse("count_over_time({foo=\"bar\"} | status >= 500 [1m])"))
        .isEqualTo(
            new RangeAggregation(
                RangeOp.COUNT_OVER_TIME,
                new LogRange(
                    new LogSelector(
                        FOO.matchers(),
                        List.of(
                            new LabelFilterStage(
                                new NumericLabelFilter("status", CompareOp.GTE, 500)))),
                    Duration.ofMinutes(1),
                    Duration.ZERO,
                    Optional.empty()),
                Optional.empty(),
                Optional.empty()));
  }
}
