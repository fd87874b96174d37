package io.icegate.query.logql.metric;

/**
 * {@code rate_counter}: Prometheus' extrapolated rate as Loki adapts it ({@code extrapolatedRate}
 * in {@code pkg/logql/range_vector.go}): counter resets add the value before the reset, the result
 * is extrapolated towards the window's edges (not beyond half an average sample interval, nor below
 * a zero counter) and divided by the range in seconds. Fewer than two samples give 0.
 */
final class CounterRate {
  private CounterRate() {}

  static double extrapolatedRate(
      long[] times, double[] values, int from, int to, long rangeNs, long rangeEndNs) {
    int n = to - from;
    if (n < 2) {
      return 0;
    }
    long rangeStartNs = rangeEndNs - rangeNs;
    double first = values[from];
    double result = values[to - 1] - first;
    double lastValue = 0;
    for (int i = from; i < to; i++) {
      if (values[i] < lastValue) {
        result += lastValue;
      }
      lastValue = values[i];
    }
    double durationToStart = (times[from] - rangeStartNs) / 1e9;
    double durationToEnd = (rangeEndNs - times[to - 1]) / 1e9;
    double sampledInterval = (times[to - 1] - times[from]) / 1e9;
    double averageDurationBetweenSamples = sampledInterval / (n - 1);
    double extrapolationThreshold = averageDurationBetweenSamples * 1.1;
    if (durationToStart >= extrapolationThreshold) {
      durationToStart = averageDurationBetweenSamples / 2;
    }
    // A counter cannot go below zero: do not extrapolate past the point where it would be zero.
    double durationToZero = durationToStart;
    if (result > 0 && first >= 0) {
      durationToZero = sampledInterval * (first / result);
    }
    if (durationToZero < durationToStart) {
      durationToStart = durationToZero;
    }
    if (durationToEnd >= extrapolationThreshold) {
      durationToEnd = averageDurationBetweenSamples / 2;
    }
    double extrapolateToInterval = sampledInterval + durationToStart + durationToEnd;
    result = result * (extrapolateToInterval / sampledInterval);
    return result / (rangeNs / 1e9);
  }
}
