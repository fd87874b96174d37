package io.icegate.query.logql.metric;

import static java.util.Objects.requireNonNull;

import io.icegate.query.series.Grouping;
import java.util.Optional;

/**
 * One range aggregation: {@code function(selector [range] offset o)} with its parameter and its own
 * {@code by}/{@code without}. The window of a step at time t is {@code (t - o - range, t - o]}:
 * open at the start, closed at the end, as Loki's {@code range_vector.go} loads it.
 *
 * @param parameter φ of {@code quantile_over_time}; ignored otherwise
 * @param grouping the range aggregation's {@code by}/{@code without}, applied to each sample's
 *     labels before the windows are filled (Loki applies it in the sample extractor)
 */
public record RangeAggregation(
    RangeFunction function,
    long rangeNs,
    long offsetNs,
    double parameter,
    Optional<Grouping> grouping) {
  public RangeAggregation {
    requireNonNull(function, "function is null");
    requireNonNull(grouping, "grouping is null");
    if (rangeNs <= 0) {
      throw new IllegalArgumentException("Invalid range: must be positive");
    }
  }

  public static RangeAggregation of(RangeFunction function, long rangeNs) {
    return new RangeAggregation(function, rangeNs, 0, Double.NaN, Optional.empty());
  }

  public RangeAggregation withOffset(long newOffsetNs) {
    return new RangeAggregation(function, rangeNs, newOffsetNs, parameter, grouping);
  }

  public RangeAggregation withParameter(double newParameter) {
    return new RangeAggregation(function, rangeNs, offsetNs, newParameter, grouping);
  }

  public RangeAggregation withGrouping(Grouping newGrouping) {
    return new RangeAggregation(function, rangeNs, offsetNs, parameter, Optional.of(newGrouping));
  }

  /** The oldest sample time that can count, exclusive: {@code start - offset - range}. */
  public long samplesFromExclusiveNs(StepRange steps) {
    return steps.startNs() - offsetNs - rangeNs;
  }

  /** The newest sample time that can count, inclusive: {@code end - offset}. */
  public long samplesToInclusiveNs(StepRange steps) {
    return steps.endNs() - offsetNs;
  }
}
