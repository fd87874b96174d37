package io.icegate.query.promql.eval;

import static java.util.Objects.requireNonNull;

import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.series.Labels;

/**
 * One stored series: labels and samples in time order. A staleness marker is stored as {@link
 * #STALE_NAN}, the NaN whose bits Prometheus reserves for it ({@code value.StaleNaN}).
 */
public record StoredSeries(
    Labels labels, long[] timestamps, double[] values, FloatHistogram[] histograms) {
  public static final long STALE_NAN_BITS = 0x7ff0000000000002L;
  public static final double STALE_NAN = Double.longBitsToDouble(STALE_NAN_BITS);

  public StoredSeries {
    requireNonNull(labels, "labels is null");
    if (timestamps.length != values.length) {
      throw new IllegalArgumentException("Invalid series: timestamps and values differ in length");
    }
  }

  public StoredSeries(Labels labels, long[] timestamps, double[] values) {
    this(labels, timestamps, values, null);
  }

  /** The histogram at {@code i}, null for a float sample. */
  public FloatHistogram h(int i) {
    return histograms == null ? null : histograms[i];
  }

  public static boolean isStale(double v) {
    return Double.doubleToRawLongBits(v) == STALE_NAN_BITS;
  }

  /** Index of the last sample at or before {@code t}, -1 if none. */
  public int lastAtOrBefore(long t) {
    int lo = 0;
    int hi = timestamps.length - 1;
    int ans = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (timestamps[mid] <= t) {
        ans = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return ans;
  }
}
