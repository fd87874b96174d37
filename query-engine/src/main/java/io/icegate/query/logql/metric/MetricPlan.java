package io.icegate.query.logql.metric;

import static java.util.Objects.requireNonNull;

import io.icegate.query.series.AggregationOperator;
import io.icegate.query.series.BinaryOperator;
import io.icegate.query.series.Grouping;
import io.icegate.query.series.LabelReplace;
import io.icegate.query.series.Labels;
import io.icegate.query.series.VectorMatching;
import java.util.Optional;

/**
 * A LogQL sample expression as the evaluator runs it: a tree of range aggregations over a sample
 * source, vector aggregations, binary operators, {@code label_replace}, {@code vector(s)} and
 * number literals. The syntax tree is translated into this once; everything below is evaluated step
 * by step.
 *
 * @param <S> how a range aggregation names its samples (see {@link SampleSource})
 */
public sealed interface MetricPlan<S> {
  /** {@code function(selection [range] offset o)}. */
  record Range<S>(S selection, RangeAggregation aggregation, Labels absentLabels)
      implements MetricPlan<S> {
    public Range {
      requireNonNull(selection, "selection is null");
      requireNonNull(aggregation, "aggregation is null");
      requireNonNull(absentLabels, "absentLabels is null");
    }
  }

  /**
   * {@code op by (...) (parameter, input)}.
   *
   * @param parameter k of topk/bottomk, φ of quantile
   * @param countValuesLabel the label of {@code count_values}
   */
  record Aggregate<S>(
      AggregationOperator operator,
      Grouping grouping,
      double parameter,
      Optional<String> countValuesLabel,
      MetricPlan<S> input)
      implements MetricPlan<S> {
    public Aggregate {
      requireNonNull(operator, "operator is null");
      requireNonNull(grouping, "grouping is null");
      requireNonNull(countValuesLabel, "countValuesLabel is null");
      requireNonNull(input, "input is null");
    }

    public static <S> Aggregate<S> of(
        AggregationOperator operator, Grouping grouping, MetricPlan<S> input) {
      return new Aggregate<>(operator, grouping, Double.NaN, Optional.empty(), input);
    }
  }

  /** {@code left op bool on (...) group_left (...) right}. */
  record Binary<S>(
      BinaryOperator operator,
      VectorMatching matching,
      boolean returnBool,
      MetricPlan<S> left,
      MetricPlan<S> right)
      implements MetricPlan<S> {
    public Binary {
      requireNonNull(operator, "operator is null");
      requireNonNull(matching, "matching is null");
      requireNonNull(left, "left is null");
      requireNonNull(right, "right is null");
    }

    public static <S> Binary<S> of(
        BinaryOperator operator, MetricPlan<S> left, MetricPlan<S> right) {
      return new Binary<>(operator, VectorMatching.defaults(), false, left, right);
    }
  }

  /** {@code label_replace(input, ...)}. */
  record Replace<S>(MetricPlan<S> input, LabelReplace replace) implements MetricPlan<S> {
    public Replace {
      requireNonNull(input, "input is null");
      requireNonNull(replace, "replace is null");
    }
  }

  /** {@code vector(s)}: one sample without labels at every step. */
  record Vector<S>(double value) implements MetricPlan<S> {}

  /** A number: a scalar. */
  record Literal<S>(double value) implements MetricPlan<S> {}
}
