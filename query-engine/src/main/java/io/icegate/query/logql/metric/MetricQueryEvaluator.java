package io.icegate.query.logql.metric;

import static java.util.Objects.requireNonNull;

import io.icegate.query.logql.ast.BinaryOperation;
import io.icegate.query.logql.ast.LabelReplaceExpr;
import io.icegate.query.logql.ast.Literal;
import io.icegate.query.logql.ast.LogRange;
import io.icegate.query.logql.ast.MatchOp;
import io.icegate.query.logql.ast.Matcher;
import io.icegate.query.logql.ast.RangeAggregation;
import io.icegate.query.logql.ast.RangeOp;
import io.icegate.query.logql.ast.SampleExpr;
import io.icegate.query.logql.ast.VectorAggregation;
import io.icegate.query.logql.ast.VectorLiteral;
import io.icegate.query.logql.metric.LogSampleSelection.Extraction;
import io.icegate.query.regex.GoRegex;
import io.icegate.query.series.AggregationOperator;
import io.icegate.query.series.BinaryOperator;
import io.icegate.query.series.Cardinality;
import io.icegate.query.series.Grouping;
import io.icegate.query.series.Labels;
import io.icegate.query.series.VectorMatching;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates a parsed LogQL metric query ({@link SampleExpr}) over a {@link SampleSource}: the
 * syntax tree becomes a {@link MetricPlan} and runs on {@link MetricPlanEvaluator}, whose vector
 * matching and aggregations are the shared {@code io.icegate.query.series} code.
 */
public final class MetricQueryEvaluator {
  private final MetricPlanEvaluator<LogSampleSelection> evaluator;

  public MetricQueryEvaluator(SampleSource<LogSampleSelection> source, LokiMetricLimits limits) {
    this.evaluator = new MetricPlanEvaluator<>(source, limits);
  }

  /**
   * Evaluates at every step of {@code steps}: a matrix for a range query, a vector (or a scalar for
   * a number alone) for an instant query.
   */
  public MetricResult evaluate(SampleExpr expr, StepRange steps) {
    return evaluator.evaluate(plan(expr), steps);
  }

  /** The plan of a metric query. */
  public static MetricPlan<LogSampleSelection> plan(SampleExpr expr) {
    requireNonNull(expr, "expr is null");
    if (expr instanceof Literal literal) {
      return new MetricPlan.Literal<>(literal.value());
    }
    if (expr instanceof VectorLiteral vector) {
      return new MetricPlan.Vector<>(vector.value());
    }
    if (expr instanceof RangeAggregation range) {
      return range(range);
    }
    if (expr instanceof VectorAggregation aggregation) {
      return new MetricPlan.Aggregate<>(
          AggregationOperator.fromName(aggregation.op().function()),
          aggregation.grouping().map(MetricQueryEvaluator::grouping).orElse(Grouping.none()),
          aggregation.parameter().map(Integer::doubleValue).orElse(Double.NaN),
          Optional.empty(),
          plan(aggregation.inner()));
    }
    if (expr instanceof BinaryOperation binary) {
      return new MetricPlan.Binary<>(
          BinaryOperator.fromSymbol(binary.op().symbol()),
          binary.matching().map(MetricQueryEvaluator::matching).orElse(VectorMatching.defaults()),
          binary.returnBool(),
          plan(binary.left()),
          plan(binary.right()));
    }
    LabelReplaceExpr replace = (LabelReplaceExpr) expr;
    return new MetricPlan.Replace<>(
        plan(replace.inner()),
        new io.icegate.query.series.LabelReplace(
            replace.destination(),
            replace.replacement(),
            replace.source(),
            GoRegex.anchored(replace.regex())));
  }

  private static MetricPlan<LogSampleSelection> range(RangeAggregation range) {
    LogRange log = range.range();
    RangeFunction function = RangeFunction.fromName(range.op().function());
    Extraction extraction;
    if (log.unwrap().isPresent()) {
      extraction = Extraction.UNWRAP;
    } else if (range.op() == RangeOp.BYTES_OVER_TIME || range.op() == RangeOp.BYTES_RATE) {
      extraction = Extraction.LINE_BYTES;
    } else {
      extraction = Extraction.LINE_COUNT;
    }
    io.icegate.query.logql.metric.RangeAggregation aggregation =
        new io.icegate.query.logql.metric.RangeAggregation(
            function,
            log.range().toNanos(),
            log.offset().toNanos(),
            range.parameter().orElse(Double.NaN),
            range.grouping().map(MetricQueryEvaluator::grouping));
    return new MetricPlan.Range<>(
        new LogSampleSelection(log, extraction),
        aggregation,
        absentLabels(log.selector().matchers()));
  }

  /**
   * The labels {@code absent_over_time} answers with: the selector's {@code =} matchers, except a
   * name matched more than once or by another operator (Loki's {@code absentLabels}).
   */
  static Labels absentLabels(List<Matcher> matchers) {
    TreeMap<String, String> labels = new TreeMap<>();
    Set<String> excluded = new HashSet<>();
    for (Matcher m : matchers) {
      if (m.name().equals(Labels.METRIC_NAME)) {
        continue;
      }
      if (m.op() == MatchOp.EQ && !labels.containsKey(m.name())) {
        labels.put(m.name(), m.value());
      } else {
        excluded.add(m.name());
      }
    }
    labels.keySet().removeAll(excluded);
    return Labels.of(labels);
  }

  private static Grouping grouping(io.icegate.query.logql.ast.GroupingExpr grouping) {
    return new Grouping(grouping.without(), grouping.labels());
  }

  private static VectorMatching matching(io.icegate.query.logql.ast.VectorMatchingExpr matching) {
    Cardinality cardinality =
        switch (matching.cardinality()) {
          case ONE_TO_ONE -> Cardinality.ONE_TO_ONE;
          case MANY_TO_ONE -> Cardinality.MANY_TO_ONE;
          case ONE_TO_MANY -> Cardinality.ONE_TO_MANY;
        };
    return new VectorMatching(cardinality, matching.on(), matching.labels(), matching.include());
  }
}
