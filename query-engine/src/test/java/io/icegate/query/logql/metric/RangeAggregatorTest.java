package io.icegate.query.logql.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.icegate.query.logql.metric.ListSampleSource.RawSample;
import io.icegate.query.series.Grouping;
import io.icegate.query.series.Labels;
import io.icegate.query.series.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Range aggregations at step boundaries, with gaps, offset and counter resets (hand-computed), and
 * every function against a deliberately naive reference loop over random samples.
 */
class RangeAggregatorTest {
  private static final long S = 1_000_000_000L;
  private static final Labels A = Labels.of("app", "a");
  private static final Labels B = Labels.of("app", "b");
  private static final LokiMetricLimits LIMITS = LokiMetricLimits.defaults();

  private static RawSample raw(Labels labels, long seconds, double value) {
    return new RawSample(labels, seconds * S, value);
  }

  private static List<List<Sample>> run(
      RangeAggregation agg, StepRange steps, List<RawSample> samples) {
    return RangeAggregator.evaluate(
        agg, steps, LIMITS, Labels.of("app", "x"), ListSampleSource.stream(samples));
  }

  /** Lines of stream a at 0, 5, 10, 15, 22, 30 s and stream b at 12 s. */
  private static final List<RawSample> LINES =
      List.of(
          raw(A, 0, 1),
          raw(A, 5, 1),
          raw(A, 10, 1),
          raw(B, 12, 1),
          raw(A, 15, 1),
          raw(A, 22, 1),
          raw(A, 30, 1));

  private static final StepRange STEPS = StepRange.range(10 * S, 30 * S, 5 * S);

  @Test
  void windowIsOpenAtTheStartAndClosedAtTheEnd() {
    List<List<Sample>> result =
        run(RangeAggregation.of(RangeFunction.COUNT_OVER_TIME, 10 * S), STEPS, LINES);
    // t=10: (0,10] holds 5,10; t=15: (5,15] holds 10,15 and b@12; t=20: (10,20] 15 and b@12;
    // t=25: (15,25] holds 22; t=30: (20,30] holds 22,30.
    assertThat(result)
        .containsExactly(
            List.of(new Sample(A, 2)),
            List.of(new Sample(A, 2), new Sample(B, 1)),
            List.of(new Sample(A, 1), new Sample(B, 1)),
            List.of(new Sample(A, 1)),
            List.of(new Sample(A, 2)));
  }

  @Test
  void offsetShiftsTheWindowsBack() {
    List<List<Sample>> result =
        run(
            RangeAggregation.of(RangeFunction.COUNT_OVER_TIME, 10 * S).withOffset(5 * S),
            STEPS,
            LINES);
    // t=10: (-5,5] 0,5; t=15: (0,10] 5,10; t=20: (5,15] 10,15,b@12; t=25: (10,20] 15,b@12;
    // t=30: (15,25] 22.
    assertThat(result)
        .containsExactly(
            List.of(new Sample(A, 2)),
            List.of(new Sample(A, 2)),
            List.of(new Sample(A, 2), new Sample(B, 1)),
            List.of(new Sample(A, 1), new Sample(B, 1)),
            List.of(new Sample(A, 1)));
  }

  @Test
  void rateDividesByTheRangeAndStepsLongerThanTheRangeSkipSamples() {
    StepRange sparse = StepRange.range(10 * S, 30 * S, 10 * S);
    List<List<Sample>> result = run(RangeAggregation.of(RangeFunction.RATE, 4 * S), sparse, LINES);
    // t=10: (6,10] 10 -> 1/4; t=20: (16,20] nothing; t=30: (26,30] 30 -> 1/4.
    assertThat(result)
        .containsExactly(List.of(new Sample(A, 0.25)), List.of(), List.of(new Sample(A, 0.25)));
  }

  @Test
  void instantQueryEvaluatesOneWindowEndingAtTheTime() {
    List<List<Sample>> result =
        run(
            RangeAggregation.of(RangeFunction.BYTES_OVER_TIME, 10 * S),
            StepRange.instant(15 * S),
            List.of(raw(A, 5, 100), raw(A, 6, 7), raw(A, 15, 3), raw(A, 16, 1000)));
    assertThat(result).containsExactly(List.of(new Sample(A, 10)));
  }

  @Test
  void rateCounterAddsResetsAndExtrapolatesAsLoki() {
    // Values 1, 3, 0 (reset), 2 at 1..4 s, window (0, 4]: increase 2-1 + 3 = 4; to start 1 s is
    // within 1.1 x the 1 s spacing, but the zero point is 3 s x 1/4 = 0.75 s back; to end 0 s.
    // 4 x (3 + 0.75) / 3 = 5 over 4 s = 1.25.
    List<RawSample> counter =
        List.of(raw(A, 1, 1), raw(A, 2, 3), raw(A, 3, 0), raw(A, 4, 2), raw(B, 4, 9));
    assertThat(
            run(
                RangeAggregation.of(RangeFunction.RATE_COUNTER, 4 * S),
                StepRange.instant(4 * S),
                counter))
        .containsExactly(List.of(new Sample(A, 1.25), new Sample(B, 0)));
    // 10, 20, 30 at 4..6 s, window (0, 10]: increase 20; both edges 4 s away, beyond 1.1 s, so
    // half a spacing (0.5 s) each side: 20 x 3 / 2 = 30 over 10 s = 3.
    List<RawSample> far = List.of(raw(A, 4, 10), raw(A, 5, 20), raw(A, 6, 30));
    assertThat(
            run(
                RangeAggregation.of(RangeFunction.RATE_COUNTER, 10 * S),
                StepRange.instant(10 * S),
                far))
        .containsExactly(List.of(new Sample(A, 3)));
  }

  @Test
  void absentOverTimeAnswersWhereNothingIs() {
    List<List<Sample>> result =
        run(
            RangeAggregation.of(RangeFunction.ABSENT_OVER_TIME, 5 * S),
            STEPS,
            List.of(raw(B, 12, 1)));
    Sample absent = new Sample(Labels.of("app", "x"), 1);
    assertThat(result)
        .containsExactly(
            List.of(absent), List.of(), List.of(absent), List.of(absent), List.of(absent));
  }

  @Test
  void rangeGroupingMergesSeriesBeforeTheWindow() {
    Labels a1 = Labels.of("app", "a", "pod", "1");
    Labels a2 = Labels.of("app", "a", "pod", "2");
    List<RawSample> values = List.of(raw(a1, 1, 5), raw(a2, 2, 7), raw(a1, 3, 6));
    RangeAggregation max =
        RangeAggregation.of(RangeFunction.MAX_OVER_TIME, 10 * S).withGrouping(Grouping.by("app"));
    assertThat(run(max, StepRange.instant(5 * S), values))
        .containsExactly(List.of(new Sample(A, 7)));
    RangeAggregation last =
        RangeAggregation.of(RangeFunction.LAST_OVER_TIME, 10 * S)
            .withGrouping(Grouping.without("pod"));
    assertThat(run(last, StepRange.instant(5 * S), values))
        .containsExactly(List.of(new Sample(A, 6)));
  }

  @Test
  void seriesWithPipelineErrorsFailUnlessPreserved() {
    Labels error = Labels.of("app", "a", "__error__", "SampleExtractionErr");
    RangeAggregation sum = RangeAggregation.of(RangeFunction.SUM_OVER_TIME, 10 * S);
    assertThatThrownBy(
            () -> run(sum, StepRange.instant(5 * S), List.of(new RawSample(error, S, 1))))
        .isInstanceOf(PipelineErrorException.class)
        .hasMessageStartingWith(
            "pipeline error: 'SampleExtractionErr' for series: '{__error__=\"SampleExtractionErr\","
                + " app=\"a\"}'.\nUse a label filter to intentionally skip this error.");
    Labels preserved = error.with("__preserve_error__", "true");
    assertThat(run(sum, StepRange.instant(5 * S), List.of(new RawSample(preserved, S, 1))))
        .containsExactly(List.of(new Sample(preserved, 1)));
  }

  @Test
  void tooManySeriesInOneRangeAggregationFails() {
    List<RawSample> many = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      many.add(raw(Labels.of("pod", "p" + i), 1, 1));
    }
    LokiMetricLimits small = new LokiMetricLimits(500, 11_000, 3, 1000);
    assertThatThrownBy(
            () ->
                RangeAggregator.evaluate(
                    RangeAggregation.of(RangeFunction.COUNT_OVER_TIME, 10 * S),
                    StepRange.instant(5 * S),
                    small,
                    Labels.EMPTY,
                    ListSampleSource.stream(many)))
        .isInstanceOf(MetricLimitExceededException.class)
        .hasMessage(
            "Cannot evaluate count_over_time: more than 3 series in one range aggregation; add"
                + " selectors or aggregate with sum by (...) (icegate.query.loki.max-working-series)");
  }

  // ---- every function against a naive reference ---------------------------------------------

  private static List<RawSample> randomSamples(long seed) {
    Random random = new Random(seed);
    List<RawSample> samples = new ArrayList<>();
    Labels[] streams = {A, B, Labels.of("app", "c")};
    for (Labels stream : streams) {
      long t = random.nextInt(20) * S;
      while (t < 400 * S) {
        // Integer values (exact sums) with whole-second times, so windows hit edges exactly; gaps.
        samples.add(new RawSample(stream, t, random.nextInt(21) - 5));
        t += (1 + random.nextInt(random.nextInt(10) == 0 ? 60 : 8)) * S;
      }
    }
    Collections.shuffle(samples, random);
    return samples;
  }

  @Test
  void everyFunctionMatchesANaiveReference() {
    List<RawSample> samples = randomSamples(42);
    long[][] shapes = {{30, 10, 0}, {10, 30, 0}, {20, 20, 7}, {60, 15, 45}, {5, 1, 0}};
    for (RangeFunction f : RangeFunction.values()) {
      if (f == RangeFunction.RATE_COUNTER) {
        continue; // Hand-computed above; its extrapolation is not worth a second implementation.
      }
      for (long[] shape : shapes) {
        RangeAggregation agg =
            RangeAggregation.of(f, shape[0] * S).withOffset(shape[2] * S).withParameter(0.75);
        StepRange steps = StepRange.range(50 * S, 380 * S, shape[1] * S);
        List<List<Sample>> actual = run(agg, steps, samples);
        List<List<Sample>> expected = reference(agg, steps, samples);
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
          assertSameVector(
              f + " " + List.of(shape[0], shape[1], shape[2]) + " step " + k,
              actual.get(k),
              expected.get(k));
        }
      }
    }
  }

  private static void assertSameVector(String what, List<Sample> actual, List<Sample> expected) {
    Comparator<Sample> byLabels = Comparator.comparing(Sample::labels);
    List<Sample> a = new ArrayList<>(actual);
    List<Sample> e = new ArrayList<>(expected);
    a.sort(byLabels);
    e.sort(byLabels);
    assertThat(a)
        .as(what)
        .extracting(Sample::labels)
        .isEqualTo(e.stream().map(Sample::labels).toList());
    for (int i = 0; i < e.size(); i++) {
      assertThat(a.get(i).value()).as(what).isCloseTo(e.get(i).value(), within(1e-9));
    }
  }

  /** For each step, the samples of each series in (t - o - range, t - o], computed from scratch. */
  private static List<List<Sample>> reference(
      RangeAggregation agg, StepRange steps, List<RawSample> samples) {
    List<List<Sample>> out = new ArrayList<>();
    for (int k = 0; k < steps.count(); k++) {
      long end = steps.startNs() + k * steps.stepNs() - agg.offsetNs();
      long start = end - agg.rangeNs();
      Map<Labels, List<RawSample>> windows = new LinkedHashMap<>();
      for (RawSample s : samples) {
        if (s.timestampNs() > start && s.timestampNs() <= end) {
          windows.computeIfAbsent(s.labels(), x -> new ArrayList<>()).add(s);
        }
      }
      List<Sample> vector = new ArrayList<>();
      if (agg.function() == RangeFunction.ABSENT_OVER_TIME) {
        if (windows.isEmpty()) {
          vector.add(new Sample(Labels.of("app", "x"), 1));
        }
        out.add(vector);
        continue;
      }
      double seconds = agg.rangeNs() / 1e9;
      windows.forEach(
          (labels, list) -> {
            list.sort(Comparator.comparingLong(RawSample::timestampNs));
            double[] v = list.stream().mapToDouble(RawSample::value).toArray();
            double sum = 0;
            for (double x : v) {
              sum += x;
            }
            double mean = sum / v.length;
            double squares = 0;
            for (double x : v) {
              squares += (x - mean) * (x - mean);
            }
            double[] sorted = v.clone();
            java.util.Arrays.sort(sorted);
            double rank = 0.75 * (sorted.length - 1);
            int lo = (int) Math.floor(rank);
            int hi = Math.min(sorted.length - 1, lo + 1);
            double quantile = sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
            double value =
                switch (agg.function()) {
                  case COUNT_OVER_TIME -> v.length;
                  case SUM_OVER_TIME, BYTES_OVER_TIME -> sum;
                  case RATE, BYTES_RATE -> sum / seconds;
                  case AVG_OVER_TIME -> mean;
                  case MIN_OVER_TIME -> sorted[0];
                  case MAX_OVER_TIME -> sorted[sorted.length - 1];
                  case STDVAR_OVER_TIME -> squares / v.length;
                  case STDDEV_OVER_TIME -> Math.sqrt(squares / v.length);
                  case QUANTILE_OVER_TIME -> quantile;
                  case FIRST_OVER_TIME -> v[0];
                  case LAST_OVER_TIME -> v[v.length - 1];
                  default -> throw new IllegalStateException();
                };
            vector.add(new Sample(labels, value));
          });
      out.add(vector);
    }
    return out;
  }

  @Test
  void splitEvaluationEqualsWholeEvaluationForEveryFunction() {
    List<RawSample> samples = randomSamples(7);
    for (RangeFunction f : RangeFunction.values()) {
      RangeAggregation agg = RangeAggregation.of(f, 40 * S).withOffset(10 * S).withParameter(0.5);
      StepRange steps = StepRange.range(60 * S, 390 * S, 15 * S);
      List<List<Sample>> whole = run(agg, steps, samples);
      List<List<Sample>> pieces = new ArrayList<>();
      for (StepRange chunk : steps.split(4)) {
        List<RawSample> needed = new ArrayList<>();
        for (RawSample s : samples) {
          if (s.timestampNs() > agg.samplesFromExclusiveNs(chunk)
              && s.timestampNs() <= agg.samplesToInclusiveNs(chunk)) {
            needed.add(s);
          }
        }
        pieces.addAll(run(agg, chunk, needed));
      }
      // Series order within a step is first-seen order, which differs between pieces; compare
      // each step as a set, values bit for bit.
      assertThat(sorted(pieces)).as(f.functionName()).isEqualTo(sorted(whole));
      if (f != RangeFunction.ABSENT_OVER_TIME) {
        assertThat(whole.stream().mapToInt(List::size).sum()).as(f.functionName()).isPositive();
      }
    }
  }

  private static List<List<Sample>> sorted(List<List<Sample>> vectors) {
    List<List<Sample>> out = new ArrayList<>();
    for (List<Sample> v : vectors) {
      List<Sample> copy = new ArrayList<>(v);
      copy.sort(Comparator.comparing(Sample::labels));
      out.add(copy);
    }
    return out;
  }
}
