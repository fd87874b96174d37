package io.icegate.query.logql.metric;

import java.util.Arrays;

/**
 * The per-step state of one series of a range aggregation: one slot per step, holding what the
 * function needs (a count and sum, a mean, a min, ...) rather than the samples. Arrays are sized by
 * the number of steps, so memory is series × steps.
 */
abstract class WindowAccumulator {
  final int[] counts;

  WindowAccumulator(int steps) {
    this.counts = new int[steps];
  }

  static WindowAccumulator create(RangeAggregation aggregation, int steps) {
    double rangeSeconds = aggregation.rangeNs() / 1e9;
    return switch (aggregation.function()) {
      case COUNT_OVER_TIME, ABSENT_OVER_TIME -> new Sum(steps, Double.NaN, true);
      case SUM_OVER_TIME, BYTES_OVER_TIME -> new Sum(steps, Double.NaN, false);
      case RATE, BYTES_RATE -> new Sum(steps, rangeSeconds, false);
      case AVG_OVER_TIME -> new Avg(steps);
      case MIN_OVER_TIME -> new Extreme(steps, false);
      case MAX_OVER_TIME -> new Extreme(steps, true);
      case STDVAR_OVER_TIME -> new Variance(steps, false);
      case STDDEV_OVER_TIME -> new Variance(steps, true);
      case FIRST_OVER_TIME -> new Edge(steps, true);
      case LAST_OVER_TIME -> new Edge(steps, false);
      case QUANTILE_OVER_TIME, RATE_COUNTER -> new Buffered(steps, aggregation);
    };
  }

  /** Adds one sample to the window of step {@code step}. */
  final void add(int step, long timestampNs, double value) {
    counts[step]++;
    accept(step, timestampNs, value);
  }

  abstract void accept(int step, long timestampNs, double value);

  /** The function's value at a step with at least one sample; {@code windowEndNs} is t - offset. */
  abstract double value(int step, long windowEndNs);

  /** Hook for accumulators that add per-series samples once rather than per step. */
  void addSample(long timestampNs, double value) {}

  /** count, sum, rate, bytes: a running sum in arrival order, as Loki's streaming aggregators. */
  static final class Sum extends WindowAccumulator {
    private final double[] sums;
    private final double divisor;
    private final boolean countOnly;

    Sum(int steps, double divisor, boolean countOnly) {
      super(steps);
      this.sums = countOnly ? null : new double[steps];
      this.divisor = divisor;
      this.countOnly = countOnly;
    }

    @Override
    void accept(int step, long timestampNs, double value) {
      if (!countOnly) {
        sums[step] += value;
      }
    }

    @Override
    double value(int step, long windowEndNs) {
      double v = countOnly ? counts[step] : sums[step];
      return Double.isNaN(divisor) ? v : v / divisor;
    }
  }

  /** avg_over_time: Loki's incremental mean {@code mean += v/n - mean/n}, guarded for ±Inf. */
  static final class Avg extends WindowAccumulator {
    private final double[] means;

    Avg(int steps) {
      super(steps);
      this.means = new double[steps];
    }

    @Override
    void accept(int step, long timestampNs, double value) {
      double mean = means[step];
      double count = counts[step];
      if (Double.isInfinite(mean)) {
        if (Double.isInfinite(value) && (mean > 0) == (value > 0)) {
          return;
        }
        if (!Double.isInfinite(value) && !Double.isNaN(value)) {
          return;
        }
      }
      means[step] = mean + (value / count - mean / count);
    }

    @Override
    double value(int step, long windowEndNs) {
      return means[step];
    }
  }

  /** min/max_over_time: NaN is replaced by any later value, as in Loki. */
  static final class Extreme extends WindowAccumulator {
    private final double[] values;
    private final boolean max;

    Extreme(int steps, boolean max) {
      super(steps);
      this.values = new double[steps];
      this.max = max;
    }

    @Override
    void accept(int step, long timestampNs, double value) {
      double current = values[step];
      if (counts[step] == 1 || Double.isNaN(current) || (max ? value > current : value < current)) {
        values[step] = value;
      }
    }

    @Override
    double value(int step, long windowEndNs) {
      return values[step];
    }
  }

  /** stdvar/stddev_over_time: Welford's algorithm, population variance. */
  static final class Variance extends WindowAccumulator {
    private final double[] means;
    private final double[] aux;
    private final boolean sqrt;

    Variance(int steps, boolean sqrt) {
      super(steps);
      this.means = new double[steps];
      this.aux = new double[steps];
      this.sqrt = sqrt;
    }

    @Override
    void accept(int step, long timestampNs, double value) {
      double delta = value - means[step];
      means[step] += delta / counts[step];
      aux[step] += delta * (value - means[step]);
    }

    @Override
    double value(int step, long windowEndNs) {
      double variance = aux[step] / counts[step];
      return sqrt ? Math.sqrt(variance) : variance;
    }
  }

  /**
   * first/last_over_time by timestamp, so the answer does not depend on arrival order; on equal
   * timestamps the first arrival is first and the last arrival is last.
   */
  static final class Edge extends WindowAccumulator {
    private final long[] times;
    private final double[] values;
    private final boolean first;

    Edge(int steps, boolean first) {
      super(steps);
      this.times = new long[steps];
      this.values = new double[steps];
      this.first = first;
    }

    @Override
    void accept(int step, long timestampNs, double value) {
      if (counts[step] == 1 || (first ? timestampNs < times[step] : timestampNs >= times[step])) {
        times[step] = timestampNs;
        values[step] = value;
      }
    }

    @Override
    double value(int step, long windowEndNs) {
      return values[step];
    }
  }

  /**
   * quantile_over_time and rate_counter need the window's values: the series' samples are kept once
   * (not per step), sorted by time at the end, and each step reads its slice.
   */
  static final class Buffered extends WindowAccumulator {
    private final RangeAggregation aggregation;
    private long[] times = new long[16];
    private double[] values = new double[16];
    private int size;
    private boolean sorted = true;

    Buffered(int steps, RangeAggregation aggregation) {
      super(steps);
      this.aggregation = aggregation;
    }

    @Override
    void addSample(long timestampNs, double value) {
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      if (size > 0 && timestampNs < times[size - 1]) {
        sorted = false;
      }
      times[size] = timestampNs;
      values[size++] = value;
    }

    @Override
    void accept(int step, long timestampNs, double value) {}

    @Override
    double value(int step, long windowEndNs) {
      sortOnce();
      long windowStart = windowEndNs - aggregation.rangeNs();
      int from = firstAfter(windowStart);
      int to = firstAfter(windowEndNs);
      if (aggregation.function() == RangeFunction.QUANTILE_OVER_TIME) {
        double[] window = Arrays.copyOfRange(values, from, to);
        return io.icegate.query.series.Aggregations.quantile(
            aggregation.parameter(), window, window.length);
      }
      return CounterRate.extrapolatedRate(
          times, values, from, to, aggregation.rangeNs(), windowEndNs);
    }

    /** The index of the first sample later than {@code t}. */
    private int firstAfter(long t) {
      int lo = 0;
      int hi = size;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (times[mid] <= t) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    private void sortOnce() {
      if (sorted) {
        return;
      }
      // Stable sort by time keeps arrival order among equal timestamps.
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
      long[] t = new long[size];
      double[] v = new double[size];
      for (int i = 0; i < size; i++) {
        t[i] = times[order[i]];
        v[i] = values[order[i]];
      }
      times = t;
      values = v;
      sorted = true;
    }
  }
}
