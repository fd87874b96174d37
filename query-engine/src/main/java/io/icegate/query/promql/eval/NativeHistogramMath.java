package io.icegate.query.promql.eval;

import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.promql.histogram.FloatHistogram.Bucket;
import java.util.List;

/** Quantile, fraction and variance of native histograms ({@code quantile.go}, functions.go). */
final class NativeHistogramMath {
  private NativeHistogramMath() {}

  /**
   * {@code HistogramQuantile}; {@code nanInfo[0]} set when NaN observations make the result NaN.
   */
  static double quantile(double q, FloatHistogram h, String[] info) {
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (h.count == 0 || Double.isNaN(q)) {
      return Double.NaN;
    }
    List<Bucket> all = h.buckets();
    boolean forward = Double.isNaN(h.sum) || q < 0.5;
    double rank = forward ? q * h.count : (1 - q) * h.count;
    double count = 0;
    Bucket bucket = null;
    int idx = 0;
    int n = all.size();
    for (; idx < n; idx++) {
      Bucket b = forward ? all.get(idx) : all.get(n - 1 - idx);
      bucket = b;
      if (b.count() == 0) {
        continue;
      }
      count += b.count();
      if (count >= rank) {
        break;
      }
    }
    if (bucket == null) {
      // No bucket at all although count > 0: every observation was NaN.
      if (Double.isNaN(h.sum)) {
        info[0] = "input to histogram_quantile has NaN observations, result is NaN";
      }
      return Double.NaN;
    }
    double lower = bucket.lower();
    double upper = bucket.upper();
    if (!h.usesCustomBuckets() && lower < 0 && upper > 0) {
      boolean hasNeg = h.hasNegativeBuckets();
      boolean hasPos = h.hasPositiveBuckets();
      if (!hasNeg && hasPos) {
        lower = 0;
      } else if (!hasPos && hasNeg) {
        upper = 0;
      }
    } else if (h.usesCustomBuckets()) {
      if (lower == Double.NEGATIVE_INFINITY) {
        if (upper <= 0) {
          return upper;
        }
        lower = 0;
      } else if (upper == Double.POSITIVE_INFINITY) {
        return lower;
      }
    }
    if (count > h.count) {
      count = h.count;
    }
    if (count < rank) {
      if (Double.isNaN(h.sum)) {
        info[0] = "input to histogram_quantile has NaN observations, result is NaN";
        return Double.NaN;
      }
      return upper;
    }
    if (forward) {
      rank -= count - bucket.count();
    } else {
      rank = count - rank;
    }
    if (Double.isNaN(h.sum)) {
      for (idx++; idx < n; idx++) {
        count += (forward ? all.get(idx) : all.get(n - 1 - idx)).count();
      }
      if (count < h.count) {
        info[0] = "input to histogram_quantile has NaN observations, result is skewed higher";
      }
    }
    double fraction = rank / bucket.count();
    if (h.usesCustomBuckets() || (lower <= 0 && upper >= 0)) {
      return lower + (upper - lower) * fraction;
    }
    double logLower = log2(Math.abs(lower));
    double logUpper = log2(Math.abs(upper));
    if (lower > 0) {
      return Math.pow(2, logLower + (logUpper - logLower) * fraction);
    }
    return -Math.pow(2, logUpper + (logLower - logUpper) * (1 - fraction));
  }

  private static double log2(double v) {
    return Math.log(v) / Math.log(2);
  }

  static double fractionBelow(Bucket b, double lower, double upper, double v, boolean linear) {
    if (linear) {
      return (v - lower) / (upper - lower);
    }
    double logLower = log2(Math.abs(lower));
    double logUpper = log2(Math.abs(upper));
    double logV = log2(Math.abs(v));
    if (v > 0) {
      return (logV - logLower) / (logUpper - logLower);
    }
    return 1 - ((logV - logUpper) / (logLower - logUpper));
  }

  /** {@code HistogramFraction}. */
  static double fraction(double lower, double upper, FloatHistogram h, String[] info) {
    if (h.count == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
      return Double.NaN;
    }
    if (lower >= upper) {
      return 0;
    }
    double count = 0;
    double rank = 0;
    double lowerRank = 0;
    double upperRank = 0;
    boolean lowerSet = false;
    boolean upperSet = false;
    List<Bucket> all = h.buckets();
    int idx = 0;
    for (; idx < all.size(); idx++) {
      Bucket b = all.get(idx);
      count += b.count();
      double bl = b.lower();
      double bu = b.upper();
      boolean zeroBucket = false;
      if (h.usesCustomBuckets() && bl == Double.NEGATIVE_INFINITY && bu > 0) {
        bl = 0; // As for classic buckets: a first bucket with a positive bound starts at 0.
      }
      if (!h.usesCustomBuckets() && bl <= 0 && bu >= 0) {
        zeroBucket = true;
        if (!h.hasNegativeBuckets() && h.hasPositiveBuckets()) {
          bl = 0;
        } else if (!h.hasPositiveBuckets() && h.hasNegativeBuckets()) {
          bu = 0;
        }
      }
      boolean linear = h.usesCustomBuckets() || zeroBucket;
      if (!lowerSet && bl >= lower) {
        lowerRank = rank;
        lowerSet = true;
      }
      if (!upperSet && bl >= upper) {
        upperRank = rank;
        upperSet = true;
      }
      if (lowerSet && upperSet) {
        break;
      }
      if (!lowerSet && bl < lower && bu > lower) {
        lowerRank =
            bl == Double.NEGATIVE_INFINITY && linear
                ? b.count()
                : rank + b.count() * fractionBelow(b, bl, bu, lower, linear);
        lowerSet = true;
      }
      if (!upperSet && bl < upper && bu > upper) {
        upperRank =
            bl == Double.NEGATIVE_INFINITY && linear
                ? b.count()
                : rank + b.count() * fractionBelow(b, bl, bu, upper, linear);
        upperSet = true;
      }
      if (lowerSet && upperSet) {
        break;
      }
      rank += b.count();
    }
    if (Double.isNaN(h.sum)) {
      for (idx++; idx < all.size(); idx++) {
        count += all.get(idx).count();
      }
      if (count < h.count) {
        info[0] =
            "input to histogram_fraction has NaN observations, which are excluded from all fractions";
      }
    } else {
      count = h.count;
    }
    if (!lowerSet || lowerRank > count) {
      lowerRank = count;
    }
    if (!upperSet || upperRank > count) {
      upperRank = count;
    }
    return (upperRank - lowerRank) / h.count;
  }

  /** {@code histogramVariance}. */
  static double variance(FloatHistogram h) {
    double mean = h.sum / h.count;
    double var = 0;
    double c = 0;
    for (Bucket b : h.buckets()) {
      if (b.count() == 0) {
        continue;
      }
      double val;
      if (h.usesCustomBuckets()) {
        val = (b.upper() + b.lower()) / 2.0;
      } else if (b.lower() <= 0 && b.upper() >= 0) {
        val = 0;
      } else {
        val = Math.sqrt(b.upper() * b.lower());
        if (b.upper() < 0) {
          val = -val;
        }
      }
      double delta = val - mean;
      double[] r = AggregateEval.kahanInc(b.count() * delta * delta, var, c);
      var = r[0];
      c = r[1];
    }
    return (var + c) / h.count;
  }
}
