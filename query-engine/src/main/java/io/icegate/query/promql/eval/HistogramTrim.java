package io.icegate.query.promql.eval;

import io.icegate.query.promql.histogram.FloatHistogram;
import java.util.Map;
import java.util.TreeMap;

/**
 * The trim operators {@code h </ x} (keep observations below x) and {@code h >/ x} (keep those
 * above), as {@code FloatHistogram.TrimBuckets}: a bucket cut by x keeps its interpolated share;
 * count and sum are recomputed from the surviving buckets' midpoints.
 */
final class HistogramTrim {
  private HistogramTrim() {}

  static FloatHistogram trim(FloatHistogram h, double rhs, boolean upper) {
    boolean custom = h.usesCustomBuckets();
    double[] acc = new double[2]; // count, sum
    boolean[] trimmed = new boolean[1];
    boolean hasPositive = h.hasPositiveBuckets();
    boolean hasNegative = h.hasNegativeBuckets();
    side(h, h.positive, true, rhs, upper, custom, acc, trimmed);
    if (!custom) {
      side(h, h.negative, false, rhs, upper, custom, acc, trimmed);
    }
    if (h.zeroCount > 0) {
      double lower = -h.zeroThreshold;
      double up = h.zeroThreshold;
      if (hasNegative && !hasPositive) {
        up = 0;
      }
      if (hasPositive && !hasNegative) {
        lower = 0;
      }
      double keep;
      double mid;
      if (upper) {
        if (rhs <= lower) {
          keep = 0;
          mid = 0;
        } else if (rhs >= up) {
          keep = h.zeroCount;
          mid = (lower + up) / 2;
        } else {
          keep = h.zeroCount * (rhs - lower) / (up - lower);
          mid = (lower + rhs) / 2;
        }
      } else {
        if (rhs <= lower) {
          keep = h.zeroCount;
          mid = (lower + up) / 2;
        } else if (rhs >= up) {
          keep = 0;
          mid = 0;
        } else {
          keep = h.zeroCount * (up - rhs) / (up - lower);
          mid = (rhs + up) / 2;
        }
      }
      if (h.zeroCount != keep) {
        h.zeroCount = keep;
        trimmed[0] = true;
      }
      acc[1] += mid * keep;
      acc[0] += keep;
    }
    if (trimmed[0]) {
      h.count = acc[0];
      h.sum = acc[1];
      h.compact();
    }
    return h;
  }

  private static void side(
      FloatHistogram h,
      TreeMap<Integer, Double> buckets,
      boolean positive,
      double rhs,
      boolean upper,
      boolean custom,
      double[] acc,
      boolean[] trimmed) {
    for (Map.Entry<Integer, Double> e : buckets.entrySet()) {
      double count = e.getValue();
      if (count == 0) {
        continue;
      }
      int i = e.getKey();
      double lo;
      double hi;
      if (custom) {
        lo = i == 0 ? Double.NEGATIVE_INFINITY : h.customValues[i - 1];
        hi = i < h.customValues.length ? h.customValues[i] : Double.POSITIVE_INFINITY;
      } else if (positive) {
        lo = FloatHistogram.upperBound(i - 1, h.schema);
        hi = FloatHistogram.upperBound(i, h.schema);
      } else {
        lo = -FloatHistogram.upperBound(i, h.schema);
        hi = -FloatHistogram.upperBound(i - 1, h.schema);
      }
      boolean whole = upper ? hi <= rhs : lo >= rhs;
      boolean cut = upper ? lo < rhs : hi > rhs;
      if (whole) {
        acc[0] += count;
        acc[1] += midpoint(lo, hi, positive, custom) * count;
      } else if (cut) {
        double[] km = bucketTrim(lo, hi, count, rhs, upper, positive, custom);
        acc[0] += km[0];
        acc[1] += km[1] * km[0];
        if (count != km[0]) {
          e.setValue(km[0]);
          trimmed[0] = true;
        }
      } else {
        e.setValue(0.0);
        trimmed[0] = true;
      }
    }
  }

  private static double[] bucketTrim(
      double lo,
      double hi,
      double count,
      double rhs,
      boolean upper,
      boolean positive,
      boolean custom) {
    if (Double.isInfinite(lo) || Double.isInfinite(hi)) {
      return infinityBucket(lo, hi, count, rhs, upper);
    }
    double under;
    if (rhs <= lo) {
      under = 0;
    } else if (rhs >= hi) {
      under = count;
    } else {
      under = count * NativeHistogramMath.fractionBelow(null, lo, hi, rhs, custom);
    }
    if (upper) {
      return new double[] {under, midpoint(lo, rhs, positive, custom)};
    }
    return new double[] {count - under, midpoint(rhs, hi, positive, custom)};
  }

  private static double[] infinityBucket(
      double lo, double hi, double count, double rhs, boolean upper) {
    if (lo == Double.NEGATIVE_INFINITY) {
      if (upper) {
        if (rhs >= hi) {
          return new double[] {count, 0};
        }
        if (rhs > 0 && hi > 0 && hi != Double.POSITIVE_INFINITY) {
          return new double[] {count * rhs / hi, rhs / 2};
        }
        if (hi <= 0) {
          return new double[] {count, rhs};
        }
        return new double[] {0, zeroIfInf(hi)};
      }
      if (rhs <= lo) {
        return new double[] {count, 0};
      }
      if (rhs >= 0 && hi > rhs && hi != Double.POSITIVE_INFINITY) {
        return new double[] {count * (1 - rhs / hi), (rhs + hi) / 2};
      }
      return new double[] {0, zeroIfInf(hi)};
    }
    if (upper) {
      return new double[] {0, zeroIfInf(lo)};
    }
    if (rhs >= lo) {
      return new double[] {count, rhs};
    }
    return new double[] {0, zeroIfInf(lo)};
  }

  private static double zeroIfInf(double x) {
    return Double.isInfinite(x) ? 0 : x;
  }

  private static double midpoint(double lo, double hi, boolean positive, boolean linear) {
    if (Double.isInfinite(lo)) {
      if (Double.isInfinite(hi)) {
        return 0;
      }
      return hi > 0 ? hi / 2 : hi;
    } else if (Double.isInfinite(hi)) {
      return lo;
    }
    if (linear) {
      return (lo + hi) / 2;
    }
    double geo = Math.sqrt(Math.abs(lo * hi));
    return positive ? geo : -geo;
  }
}
