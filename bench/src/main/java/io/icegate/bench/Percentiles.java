package io.icegate.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Latency percentiles for every benchmark, one definition: nearest rank (the smallest value with at
 * least {@code quantile} of the values at or below it, {@code sorted[ceil(q·n) − 1]}), so p99 of
 * 100 values is the 99th and p100 the largest.
 */
public final class Percentiles {
  private Percentiles() {}

  /** A sorted copy. */
  public static long[] sorted(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted;
  }

  /** The values, sorted. */
  public static long[] sorted(Collection<Long> values) {
    return values.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /** The nearest-rank {@code quantile} (0 to 1) of sorted, non-empty values. */
  public static long at(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** {@link #at} of nanoseconds, in milliseconds; NaN when there are no values. */
  public static double millis(long[] sortedNanos, double quantile) {
    return sortedNanos.length == 0 ? Double.NaN : at(sortedNanos, quantile) / 1e6;
  }

  /**
   * The median as the benchmarks' tables report it: the upper middle value, {@code sorted[n/2]}.
   */
  public static long median(long[] values) {
    return sorted(values)[values.length / 2];
  }
}
