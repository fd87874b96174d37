package io.icegate.query.logql.metric;

import static java.util.Objects.requireNonNull;

import io.icegate.query.logql.metric.MetricLimitExceededException.Limit;
import io.icegate.query.series.Grouping;
import io.icegate.query.series.Labels;
import io.icegate.query.series.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates one range aggregation at every step of a {@link StepRange}: each sample is added to the
 * window of every step whose {@code (t - offset - range, t - offset]} holds it, so one pass over
 * the samples, in any order, fills all steps. Semantics follow Loki's {@code range_vector.go}
 * (window open at the start, closed at the end; {@code absent_over_time} answers 1 with the
 * selector's equality labels where no series has a sample).
 */
public final class RangeAggregator {
  private final RangeAggregation aggregation;
  private final StepRange steps;
  private final LokiMetricLimits limits;
  private final Labels absentLabels;
  private final Grouping.Projection projection;
  private final long firstWindowEndNs;
  private final int stepCount;
  private final Map<Labels, WindowAccumulator> series = new HashMap<>();
  private final Map<Labels, Labels> projected = new HashMap<>();
  private Labels lastRaw;
  private WindowAccumulator lastAccumulator;

  /**
   * @param absentLabels the labels {@code absent_over_time} answers with (the selector's {@code =}
   *     matchers); ignored by the other functions
   */
  public RangeAggregator(
      RangeAggregation aggregation, StepRange steps, LokiMetricLimits limits, Labels absentLabels) {
    this.aggregation = requireNonNull(aggregation, "aggregation is null");
    this.steps = requireNonNull(steps, "steps is null");
    this.limits = requireNonNull(limits, "limits is null");
    this.absentLabels = requireNonNull(absentLabels, "absentLabels is null");
    this.projection = aggregation.grouping().map(Grouping::projection).orElse(null);
    this.firstWindowEndNs = steps.startNs() - aggregation.offsetNs();
    this.stepCount = steps.count();
  }

  /** Reads the whole stream (and closes it) and answers one vector per step. */
  public static List<List<Sample>> evaluate(
      RangeAggregation aggregation,
      StepRange steps,
      LokiMetricLimits limits,
      Labels absentLabels,
      SampleStream samples) {
    RangeAggregator aggregator = new RangeAggregator(aggregation, steps, limits, absentLabels);
    try (samples) {
      while (samples.next()) {
        aggregator.add(samples.labels(), samples.timestampNs(), samples.value());
      }
    }
    return aggregator.result();
  }

  /** Adds one sample; samples outside every window are ignored. */
  public void add(Labels labels, long timestampNs, double value) {
    long step = steps.stepNs();
    long rangeNs = aggregation.rangeNs();
    // Steps k with windowEnd(k) - range < ts <= windowEnd(k), windowEnd(k) = first + k * step.
    long first = ceilDiv(timestampNs - firstWindowEndNs, step);
    long last = Math.floorDiv(timestampNs - firstWindowEndNs + rangeNs - 1, step);
    if (first < 0) {
      first = 0;
    }
    if (last >= stepCount) {
      last = stepCount - 1;
    }
    if (first > last) {
      return;
    }
    WindowAccumulator acc = accumulator(labels);
    acc.addSample(timestampNs, value);
    for (int k = (int) first; k <= last; k++) {
      acc.add(k, timestampNs, value);
    }
  }

  private WindowAccumulator accumulator(Labels labels) {
    if (labels == lastRaw) {
      return lastAccumulator;
    }
    Labels key = labels;
    if (projection != null) {
      key = projected.computeIfAbsent(labels, projection::apply);
      if (projected.size() > limits.maxWorkingSeries()) {
        projected.clear();
      }
    }
    WindowAccumulator acc = series.get(key);
    if (acc == null) {
      if (PipelineErrorException.isError(key)) {
        throw new PipelineErrorException(key);
      }
      if (series.size() >= limits.maxWorkingSeries()) {
        throw new MetricLimitExceededException(
            Limit.MAX_WORKING_SERIES,
            "Cannot evaluate "
                + aggregation.function().functionName()
                + ": more than "
                + limits.maxWorkingSeries()
                + " series in one range aggregation; add selectors or aggregate with sum by (...)");
      }
      acc = WindowAccumulator.create(aggregation, stepCount);
      series.put(key, acc);
    }
    lastRaw = labels;
    lastAccumulator = acc;
    return acc;
  }

  /**
   * One vector per step, series sorted by labels: an order that does not depend on the order the
   * samples arrived in, so ties in {@code topk}/{@code sort} break the same way in every piece of a
   * split range (Loki breaks them by map iteration order, i.e. at random).
   */
  public List<List<Sample>> result() {
    List<List<Sample>> vectors = new ArrayList<>(stepCount);
    boolean absent = aggregation.function() == RangeFunction.ABSENT_OVER_TIME;
    List<Map.Entry<Labels, WindowAccumulator>> sorted = new ArrayList<>(series.entrySet());
    sorted.sort(Map.Entry.comparingByKey());
    for (int k = 0; k < stepCount; k++) {
      long windowEnd = firstWindowEndNs + k * steps.stepNs();
      List<Sample> vector = new ArrayList<>();
      for (Map.Entry<Labels, WindowAccumulator> e : sorted) {
        WindowAccumulator acc = e.getValue();
        if (acc.counts[k] > 0) {
          vector.add(new Sample(e.getKey(), acc.value(k, windowEnd)));
        }
      }
      if (absent) {
        vector = vector.isEmpty() ? List.of(new Sample(absentLabels, 1)) : List.of();
      }
      vectors.add(vector);
    }
    return vectors;
  }

  private static long ceilDiv(long x, long y) {
    return -Math.floorDiv(-x, y);
  }
}
