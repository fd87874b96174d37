package io.icegate.query.series;

import static io.icegate.query.series.AggregationOperator.AVG;
import static io.icegate.query.series.AggregationOperator.BOTTOMK;
import static io.icegate.query.series.AggregationOperator.COUNT;
import static io.icegate.query.series.AggregationOperator.GROUP;
import static io.icegate.query.series.AggregationOperator.MAX;
import static io.icegate.query.series.AggregationOperator.MIN;
import static io.icegate.query.series.AggregationOperator.QUANTILE;
import static io.icegate.query.series.AggregationOperator.SORT;
import static io.icegate.query.series.AggregationOperator.SORT_DESC;
import static io.icegate.query.series.AggregationOperator.STDDEV;
import static io.icegate.query.series.AggregationOperator.STDVAR;
import static io.icegate.query.series.AggregationOperator.SUM;
import static io.icegate.query.series.AggregationOperator.TOPK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are worked out by hand. */
class AggregationsTest {
  private static final Labels A1 = Labels.of("app", "a", "pod", "1", "__name__", "m");
  private static final Labels A2 = Labels.of("app", "a", "pod", "2", "__name__", "m");
  private static final Labels B3 = Labels.of("app", "b", "pod", "3", "__name__", "m");
  private static final Labels B4 = Labels.of("app", "b", "pod", "4", "__name__", "m");
  private static final List<Sample> V = List.of(s(A1, 2), s(A2, 4), s(B3, 4), s(B4, 10));
  private static final Labels GA = Labels.of("app", "a");
  private static final Labels GB = Labels.of("app", "b");

  private static Sample s(Labels labels, double value) {
    return new Sample(labels, value);
  }

  private static List<Sample> agg(AggregationOperator op, Grouping g) {
    return Aggregations.aggregate(op, g, Double.NaN, V);
  }

  @Test
  void reducingAggregationsByLabel() {
    Grouping byApp = Grouping.by("app");
    assertThat(agg(SUM, byApp)).containsExactly(s(GA, 6), s(GB, 14));
    assertThat(agg(AVG, byApp)).containsExactly(s(GA, 3), s(GB, 7));
    assertThat(agg(MIN, byApp)).containsExactly(s(GA, 2), s(GB, 4));
    assertThat(agg(MAX, byApp)).containsExactly(s(GA, 4), s(GB, 10));
    assertThat(agg(COUNT, byApp)).containsExactly(s(GA, 2), s(GB, 2));
    assertThat(agg(GROUP, byApp)).containsExactly(s(GA, 1), s(GB, 1));
    // {2,4}: mean 3, variance ((1)+(1))/2 = 1; {4,10}: mean 7, variance (9+9)/2 = 9.
    assertThat(agg(STDVAR, byApp)).containsExactly(s(GA, 1), s(GB, 9));
    assertThat(agg(STDDEV, byApp)).containsExactly(s(GA, 1), s(GB, 3));
  }

  @Test
  void withoutDropsTheListedLabelsAndTheMetricName() {
    assertThat(agg(SUM, Grouping.without("pod"))).containsExactly(s(GA, 6), s(GB, 14));
    assertThat(agg(SUM, Grouping.none())).containsExactly(s(Labels.EMPTY, 20));
    assertThat(agg(COUNT, Grouping.by("__name__")))
        .containsExactly(s(Labels.of("__name__", "m"), 4));
  }

  @Test
  void minMaxReplaceNaNAndAvgKeepsInfinity() {
    List<Sample> v = List.of(s(A1, Double.NaN), s(A2, 3), s(B3, 1));
    assertThat(Aggregations.aggregate(MIN, Grouping.none(), 0, v))
        .containsExactly(s(Labels.EMPTY, 1));
    assertThat(Aggregations.aggregate(MAX, Grouping.none(), 0, v))
        .containsExactly(s(Labels.EMPTY, 3));
    List<Sample> inf = List.of(s(A1, Double.POSITIVE_INFINITY), s(A2, 3), s(B3, 5));
    assertThat(Aggregations.aggregate(AVG, Grouping.none(), 0, inf))
        .containsExactly(s(Labels.EMPTY, Double.POSITIVE_INFINITY));
    List<Sample> both = List.of(s(A1, Double.POSITIVE_INFINITY), s(A2, Double.NEGATIVE_INFINITY));
    assertThat(Aggregations.aggregate(AVG, Grouping.none(), 0, both))
        .containsExactly(s(Labels.EMPTY, Double.NaN));
  }

  @Test
  void topkAndBottomkKeepInputLabelsPerGroup() {
    assertThat(Aggregations.aggregate(TOPK, Grouping.by("app"), 1, V))
        .containsExactly(s(A2, 4), s(B4, 10));
    assertThat(Aggregations.aggregate(TOPK, Grouping.none(), 2, V))
        .containsExactly(s(B4, 10), s(A2, 4));
    assertThat(Aggregations.aggregate(BOTTOMK, Grouping.none(), 3, V))
        .containsExactly(s(A1, 2), s(A2, 4), s(B3, 4));
    assertThat(Aggregations.aggregate(TOPK, Grouping.none(), 10, V)).hasSize(4);
    assertThat(Aggregations.aggregate(TOPK, Grouping.none(), 0, V)).isEmpty();
    List<Sample> nan = List.of(s(A1, Double.NaN), s(A2, 1));
    assertThat(Aggregations.aggregate(TOPK, Grouping.none(), 1, nan)).containsExactly(s(A2, 1));
    assertThat(Aggregations.aggregate(BOTTOMK, Grouping.none(), 1, nan)).containsExactly(s(A2, 1));
  }

  @Test
  void sortAndSortDesc() {
    List<Sample> v = List.of(s(A1, 5), s(A2, Double.NaN), s(B3, 1), s(B4, 3));
    assertThat(Aggregations.aggregate(SORT, Grouping.none(), 0, v))
        .containsExactly(s(B3, 1), s(B4, 3), s(A1, 5), s(A2, Double.NaN));
    assertThat(Aggregations.aggregate(SORT_DESC, Grouping.none(), 0, v))
        .containsExactly(s(A1, 5), s(B4, 3), s(B3, 1), s(A2, Double.NaN));
  }

  @Test
  void quantileInterpolatesBetweenRanks() {
    // {2,4,4,10}: rank 0.5*3 = 1.5 -> 4*0.5 + 4*0.5 = 4; rank 0.9*3 = 2.7 -> 4*0.3 + 10*0.7 = 8.2.
    assertThat(Aggregations.aggregate(QUANTILE, Grouping.none(), 0.5, V))
        .containsExactly(s(Labels.EMPTY, 4));
    assertThat(Aggregations.aggregate(QUANTILE, Grouping.none(), 0.9, V).get(0).value())
        .isCloseTo(8.2, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(Aggregations.aggregate(QUANTILE, Grouping.by("app"), 0, V))
        .containsExactly(s(GA, 2), s(GB, 4));
    assertThat(Aggregations.aggregate(QUANTILE, Grouping.none(), 2, V))
        .containsExactly(s(Labels.EMPTY, Double.POSITIVE_INFINITY));
    assertThat(Aggregations.aggregate(QUANTILE, Grouping.none(), -1, V))
        .containsExactly(s(Labels.EMPTY, Double.NEGATIVE_INFINITY));
  }

  @Test
  void countValuesPutsTheValueIntoALabel() {
    assertThat(Aggregations.countValues("v", Grouping.by("app"), V))
        .containsExactly(
            s(Labels.of("app", "a", "v", "2"), 1),
            s(Labels.of("app", "a", "v", "4"), 1),
            s(Labels.of("app", "b", "v", "4"), 1),
            s(Labels.of("app", "b", "v", "10"), 1));
    assertThat(Aggregations.countValues("v", Grouping.none(), V))
        .containsExactly(
            s(Labels.of("v", "2"), 1), s(Labels.of("v", "4"), 2), s(Labels.of("v", "10"), 1));
    assertThatThrownBy(
            () -> Aggregations.aggregate(AggregationOperator.COUNT_VALUES, Grouping.none(), 0, V))
        .hasMessage("Invalid call: count_values takes a label name");
  }
}
