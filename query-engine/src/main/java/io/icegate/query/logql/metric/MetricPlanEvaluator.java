package io.icegate.query.logql.metric;

import static java.util.Objects.requireNonNull;

import io.icegate.query.logql.metric.MetricLimitExceededException.Limit;
import io.icegate.query.series.AggregationOperator;
import io.icegate.query.series.Aggregations;
import io.icegate.query.series.BinaryOperations;
import io.icegate.query.series.Dialect;
import io.icegate.query.series.Labels;
import io.icegate.query.series.Point;
import io.icegate.query.series.Sample;
import io.icegate.query.series.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link MetricPlan} over a {@link SampleSource} as Loki's engine does: every node yields
 * one vector per step, steps from start to end inclusive; a range query is evaluated in pieces of
 * at most {@link LokiMetricLimits#splitSteps()} steps (each piece reads only the samples its
 * windows need), so memory stays bounded by series × steps of one piece plus the answer.
 */
public final class MetricPlanEvaluator<S> {
  private final SampleSource<S> source;
  private final LokiMetricLimits limits;

  public MetricPlanEvaluator(SampleSource<S> source, LokiMetricLimits limits) {
    this.source = requireNonNull(source, "source is null");
    this.limits = requireNonNull(limits, "limits is null");
  }

  /**
   * Evaluates a plan.
   *
   * @throws MetricLimitExceededException past a limit
   * @throws PipelineErrorException on a sample of a series with {@code __error__}
   * @throws io.icegate.query.series.VectorMatchingException when a binary operation cannot match
   */
  public MetricResult evaluate(MetricPlan<S> plan, StepRange steps) {
    if (!steps.instant()
        && (steps.endNs() - steps.startNs()) / steps.stepNs() > limits.maxPoints()) {
      throw new MetricLimitExceededException(
          Limit.MAX_POINTS,
          String.format(
              "exceeded maximum resolution of %,d points per time series. Try increasing the value"
                  + " of the step parameter",
              limits.maxPoints()));
    }
    if (isScalar(plan)) {
      double value = ((Scalar) evaluateNode(plan, steps)).value();
      if (steps.instant()) {
        return new MetricResult.Scalar(steps.timestampMs(0), value);
      }
      List<Point> points = new ArrayList<>(steps.count());
      for (int k = 0; k < steps.count(); k++) {
        points.add(new Point(steps.timestampMs(k), value));
      }
      return new MetricResult.Matrix(List.of(new Series(Labels.EMPTY, points)));
    }
    if (steps.instant()) {
      List<Sample> vector = vectors(evaluateNode(plan, steps), steps).get(0);
      if (vector.size() > limits.maxSeries()) {
        throw MetricLimitExceededException.series(limits.maxSeries());
      }
      if (!sortsByValue(plan)) {
        vector = new ArrayList<>(vector);
        vector.sort(Comparator.comparing(Sample::labels));
      }
      return new MetricResult.Vector(steps.timestampMs(0), vector);
    }
    Map<Labels, List<Point>> series = new LinkedHashMap<>();
    for (StepRange chunk : steps.split(limits.splitSteps())) {
      List<List<Sample>> vectors = vectors(evaluateNode(plan, chunk), chunk);
      for (int k = 0; k < vectors.size(); k++) {
        long ts = chunk.timestampMs(k);
        for (Sample s : vectors.get(k)) {
          List<Point> points = series.get(s.labels());
          if (points == null) {
            if (series.size() >= limits.maxSeries()) {
              throw MetricLimitExceededException.series(limits.maxSeries());
            }
            points = new ArrayList<>();
            series.put(s.labels(), points);
          }
          points.add(new Point(ts, s.value()));
        }
      }
    }
    List<Series> matrix = new ArrayList<>(series.size());
    series.forEach((labels, points) -> matrix.add(new Series(labels, points)));
    matrix.sort(Comparator.comparing(Series::labels));
    return new MetricResult.Matrix(matrix);
  }

  /** What a node yields over some steps: a number (the same at every step) or vectors. */
  private sealed interface Values {}

  private record Scalar(double value) implements Values {}

  private record Vectors(List<List<Sample>> perStep) implements Values {}

  private Values evaluateNode(MetricPlan<S> plan, StepRange steps) {
    if (plan instanceof MetricPlan.Literal<S> literal) {
      return new Scalar(literal.value());
    }
    if (plan instanceof MetricPlan.Vector<S> vector) {
      List<List<Sample>> perStep = new ArrayList<>(steps.count());
      for (int k = 0; k < steps.count(); k++) {
        perStep.add(List.of(new Sample(Labels.EMPTY, vector.value())));
      }
      return new Vectors(perStep);
    }
    if (plan instanceof MetricPlan.Range<S> range) {
      return new Vectors(range(range, range.aggregation(), steps));
    }
    if (plan instanceof MetricPlan.Aggregate<S> aggregate) {
      return new Vectors(aggregate(aggregate, steps));
    }
    if (plan instanceof MetricPlan.Replace<S> replace) {
      List<List<Sample>> input = vectors(evaluateNode(replace.input(), steps), steps);
      List<List<Sample>> perStep = new ArrayList<>(input.size());
      for (List<Sample> v : input) {
        perStep.add(replace.replace().apply(v));
      }
      return new Vectors(perStep);
    }
    if (plan instanceof MetricPlan.Binary<S> binary) {
      return binary(binary, steps);
    }
    throw new IllegalStateException("Unexpected plan node " + plan);
  }

  private List<List<Sample>> range(
      MetricPlan.Range<S> node, RangeAggregation aggregation, StepRange steps) {
    SampleStream samples =
        source.select(
            node.selection(),
            aggregation.samplesFromExclusiveNs(steps),
            aggregation.samplesToInclusiveNs(steps),
            aggregation.grouping());
    return RangeAggregator.evaluate(aggregation, steps, limits, node.absentLabels(), samples);
  }

  private List<List<Sample>> aggregate(MetricPlan.Aggregate<S> node, StepRange steps) {
    List<List<Sample>> input;
    if (node.operator() == AggregationOperator.SUM
        && node.input() instanceof MetricPlan.Range<S> range
        && range.aggregation().function().isAdditive()
        && range.aggregation().grouping().isEmpty()) {
      // As Loki does: sum over an additive range aggregation may merge series before the windows
      // are filled (same sums, far fewer series held in memory).
      input = range(range, range.aggregation().withGrouping(node.grouping()), steps);
    } else {
      input = vectors(evaluateNode(node.input(), steps), steps);
    }
    List<List<Sample>> perStep = new ArrayList<>(input.size());
    for (List<Sample> v : input) {
      perStep.add(
          node.operator() == AggregationOperator.COUNT_VALUES
              ? Aggregations.countValues(node.countValuesLabel().orElseThrow(), node.grouping(), v)
              : Aggregations.aggregate(node.operator(), node.grouping(), node.parameter(), v));
    }
    return perStep;
  }

  private Values binary(MetricPlan.Binary<S> node, StepRange steps) {
    Values left = evaluateNode(node.left(), steps);
    Values right = evaluateNode(node.right(), steps);
    if (left instanceof Scalar l && right instanceof Scalar r) {
      return new Scalar(
          BinaryOperations.scalars(node.operator(), l.value(), r.value(), Dialect.LOKI));
    }
    List<List<Sample>> perStep = new ArrayList<>(steps.count());
    for (int k = 0; k < steps.count(); k++) {
      List<Sample> result;
      if (left instanceof Scalar l) {
        result =
            BinaryOperations.vectorScalar(
                node.operator(),
                ((Vectors) right).perStep().get(k),
                l.value(),
                true,
                node.returnBool(),
                Dialect.LOKI);
      } else if (right instanceof Scalar r) {
        result =
            BinaryOperations.vectorScalar(
                node.operator(),
                ((Vectors) left).perStep().get(k),
                r.value(),
                false,
                node.returnBool(),
                Dialect.LOKI);
      } else {
        result =
            BinaryOperations.vectors(
                node.operator(),
                node.matching(),
                node.returnBool(),
                ((Vectors) left).perStep().get(k),
                ((Vectors) right).perStep().get(k),
                Dialect.LOKI);
      }
      perStep.add(result);
    }
    return new Vectors(perStep);
  }

  /** A number where vectors are needed (a literal at the top) becomes a label-less sample. */
  private static List<List<Sample>> vectors(Values values, StepRange steps) {
    if (values instanceof Vectors v) {
      return v.perStep();
    }
    double value = ((Scalar) values).value();
    List<List<Sample>> perStep = new ArrayList<>(steps.count());
    for (int k = 0; k < steps.count(); k++) {
      perStep.add(List.of(new Sample(Labels.EMPTY, value)));
    }
    return perStep;
  }

  /** A number, or numbers combined (the parser folds those only when the result is finite). */
  static boolean isScalar(MetricPlan<?> plan) {
    return plan instanceof MetricPlan.Literal<?>
        || (plan instanceof MetricPlan.Binary<?> b && isScalar(b.left()) && isScalar(b.right()));
  }

  /** Loki keeps an instant answer's order only when the query contains sort or sort_desc. */
  static boolean sortsByValue(MetricPlan<?> plan) {
    if (plan instanceof MetricPlan.Aggregate<?> a) {
      return a.operator() == AggregationOperator.SORT
          || a.operator() == AggregationOperator.SORT_DESC
          || sortsByValue(a.input());
    }
    if (plan instanceof MetricPlan.Binary<?> b) {
      return sortsByValue(b.left()) || sortsByValue(b.right());
    }
    if (plan instanceof MetricPlan.Replace<?> r) {
      return sortsByValue(r.input());
    }
    return false;
  }
}
