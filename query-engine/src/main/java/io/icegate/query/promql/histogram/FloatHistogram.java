package io.icegate.query.promql.histogram;

import io.icegate.query.promql.parse.GoFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A native histogram with float counts, as Prometheus' {@code histogram.FloatHistogram}:
 * exponential buckets of a schema (-4..8), or custom buckets (schema -53, NHCB) bounded by {@code
 * customValues}. Buckets are kept sparse, by index; zero counts are dropped on {@link #compact}.
 */
public final class FloatHistogram {
  public static final int CUSTOM_BUCKETS_SCHEMA = -53;

  /** Prometheus' counter reset hints. */
  public enum Hint {
    UNKNOWN,
    COUNTER_RESET,
    NOT_COUNTER_RESET,
    GAUGE
  }

  /** Thrown when exponential and custom buckets (or different custom bounds) meet. */
  public static final class IncompatibleException extends RuntimeException {
    public IncompatibleException(String message) {
      super(message);
    }
  }

  public int schema;
  public double zeroThreshold;
  public double zeroCount;
  public double count;
  public double sum;
  public TreeMap<Integer, Double> positive = new TreeMap<>();
  public TreeMap<Integer, Double> negative = new TreeMap<>();
  public double[] customValues = new double[0];
  public Hint hint = Hint.UNKNOWN;

  /** Set by the last {@link #add}/{@link #sub}: custom bounds were intersected. */
  public boolean lastReconciled;

  /** Set by the last {@link #add}/{@link #sub}: one side was a counter reset, the other not. */
  public boolean lastCollision;

  public boolean usesCustomBuckets() {
    return schema == CUSTOM_BUCKETS_SCHEMA;
  }

  public FloatHistogram copy() {
    FloatHistogram h = new FloatHistogram();
    h.schema = schema;
    h.zeroThreshold = zeroThreshold;
    h.zeroCount = zeroCount;
    h.count = count;
    h.sum = sum;
    h.positive = new TreeMap<>(positive);
    h.negative = new TreeMap<>(negative);
    h.customValues = customValues;
    h.hint = hint;
    return h;
  }

  public FloatHistogram copyWithHint(Hint h) {
    FloatHistogram c = copy();
    c.hint = h;
    return c;
  }

  /** Whether any count or the sum is infinite ({@code HasOverflow}). */
  public boolean hasOverflow() {
    if (Double.isInfinite(zeroCount) || Double.isInfinite(count) || Double.isInfinite(sum)) {
      return true;
    }
    return positive.values().stream().anyMatch(v -> Double.isInfinite(v))
        || negative.values().stream().anyMatch(v -> Double.isInfinite(v));
  }

  /** Removes empty buckets ({@code Compact(0)}). */
  public FloatHistogram compact() {
    positive.values().removeIf(v -> v == 0);
    negative.values().removeIf(v -> v == 0);
    return this;
  }

  public FloatHistogram mul(double f) {
    zeroCount *= f;
    count *= f;
    sum *= f;
    positive.replaceAll((k, v) -> v * f);
    negative.replaceAll((k, v) -> v * f);
    if (f < 0) {
      hint = Hint.GAUGE;
    }
    return this;
  }

  public FloatHistogram div(double f) {
    zeroCount /= f;
    count /= f;
    sum /= f;
    if (f == 0) {
      // Prometheus keeps only the zero bucket when dividing by zero.
      positive.clear();
      negative.clear();
      return this;
    }
    if (f < 0) {
      hint = Hint.GAUGE;
    }
    positive.replaceAll((k, v) -> v / f);
    negative.replaceAll((k, v) -> v / f);
    return this;
  }

  /** This histogram at a lower resolution (a no-op for equal or custom schemas). */
  public FloatHistogram copyToSchema(int target) {
    FloatHistogram h = copy();
    if (usesCustomBuckets() || target >= schema) {
      return h;
    }
    h.positive = reduce(positive, schema, target);
    h.negative = reduce(negative, schema, target);
    h.schema = target;
    return h;
  }

  private static TreeMap<Integer, Double> reduce(TreeMap<Integer, Double> in, int from, int to) {
    TreeMap<Integer, Double> out = new TreeMap<>();
    int shift = from - to;
    for (Map.Entry<Integer, Double> e : in.entrySet()) {
      int idx = ((e.getKey() - 1) >> shift) + 1;
      out.merge(idx, e.getValue(), Double::sum);
    }
    return out;
  }

  /** Adds {@code other} in place, reducing to the lower schema; throws on incompatible buckets. */
  public FloatHistogram add(FloatHistogram other) {
    return combine(other, 1);
  }

  public FloatHistogram sub(FloatHistogram other) {
    return combine(other, -1);
  }

  private FloatHistogram combine(FloatHistogram other, double sign) {
    if (usesCustomBuckets() != other.usesCustomBuckets()) {
      throw new IncompatibleException(
          "cannot apply this operation on histograms with a mix of exponential and custom bucket schemas");
    }
    lastReconciled = false;
    lastCollision = adjustCounterReset(other);
    FloatHistogram o = other;
    if (usesCustomBuckets() && !Arrays.equals(customValues, other.customValues)) {
      double[] common = intersect(customValues, other.customValues);
      positive = remap(positive, customValues, common);
      o = other.copy();
      o.positive = remap(other.positive, other.customValues, common);
      customValues = common;
      o.customValues = common;
      lastReconciled = true;
    }
    if (!usesCustomBuckets()) {
      int target = Math.min(schema, other.schema);
      if (schema != target) {
        FloatHistogram r = copyToSchema(target);
        positive = r.positive;
        negative = r.negative;
        schema = target;
      }
      o = o.copyToSchema(target);
      if (o.zeroThreshold > zeroThreshold) {
        widenZeroBucket(o.zeroThreshold);
      } else if (zeroThreshold > o.zeroThreshold) {
        o = o.copy();
        o.widenZeroBucket(zeroThreshold);
      }
    }
    zeroCount += sign * o.zeroCount;
    count += sign * o.count;
    sum += sign * o.sum;
    for (Map.Entry<Integer, Double> e : o.positive.entrySet()) {
      positive.merge(e.getKey(), sign * e.getValue(), Double::sum);
    }
    for (Map.Entry<Integer, Double> e : o.negative.entrySet()) {
      negative.merge(e.getKey(), sign * e.getValue(), Double::sum);
    }
    return this;
  }

  /**
   * Adds {@code other} with Kahan-Neumaier compensation kept in {@code comp} (same layout as this),
   * as {@code KahanAdd}; answers the compensation to pass next time. Layout changes fold the
   * compensation in first and continue without it.
   */
  public FloatHistogram kahanAdd(FloatHistogram other, FloatHistogram comp) {
    boolean sameLayout =
        schema == other.schema
            && zeroThreshold == other.zeroThreshold
            && Arrays.equals(customValues, other.customValues);
    if (!sameLayout) {
      if (comp != null) {
        addPlain(comp);
      }
      add(other);
      return null;
    }
    lastReconciled = false;
    lastCollision = adjustCounterReset(other);
    FloatHistogram c = comp != null ? comp : emptyLike();
    double[] r = kahan(other.count, count, c.count);
    count = r[0];
    c.count = r[1];
    r = kahan(other.sum, sum, c.sum);
    sum = r[0];
    c.sum = r[1];
    r = kahan(other.zeroCount, zeroCount, c.zeroCount);
    zeroCount = r[0];
    c.zeroCount = r[1];
    kahanBuckets(positive, other.positive, c.positive);
    kahanBuckets(negative, other.negative, c.negative);
    return c;
  }

  /** Adds the compensation back ({@code comp} may be null). */
  public FloatHistogram addCompensation(FloatHistogram comp) {
    if (comp != null) {
      addPlain(comp);
    }
    return this;
  }

  private void addPlain(FloatHistogram c) {
    count += c.count;
    sum += c.sum;
    zeroCount += c.zeroCount;
    c.positive.forEach((k, v) -> positive.merge(k, v, Double::sum));
    c.negative.forEach((k, v) -> negative.merge(k, v, Double::sum));
  }

  private FloatHistogram emptyLike() {
    FloatHistogram c = new FloatHistogram();
    c.schema = schema;
    c.zeroThreshold = zeroThreshold;
    c.customValues = customValues;
    return c;
  }

  private static void kahanBuckets(
      TreeMap<Integer, Double> into, TreeMap<Integer, Double> add, TreeMap<Integer, Double> comp) {
    for (Map.Entry<Integer, Double> e : add.entrySet()) {
      double[] r =
          kahan(
              e.getValue(), into.getOrDefault(e.getKey(), 0.0), comp.getOrDefault(e.getKey(), 0.0));
      into.put(e.getKey(), r[0]);
      comp.put(e.getKey(), r[1]);
    }
  }

  private static double[] kahan(double inc, double sum, double c) {
    double t = sum + inc;
    if (Double.isInfinite(t)) {
      c = 0;
    } else if (Math.abs(sum) >= Math.abs(inc)) {
      c += (sum - t) + inc;
    } else {
      c += (inc - t) + sum;
    }
    return new double[] {t, c};
  }

  private boolean adjustCounterReset(FloatHistogram other) {
    if (other.hint == hint) {
      return false;
    }
    if (hint == Hint.GAUGE) {
      return false;
    }
    if (other.hint == Hint.GAUGE) {
      hint = Hint.GAUGE;
      return false;
    }
    if (hint == Hint.UNKNOWN) {
      return false;
    }
    if (other.hint == Hint.UNKNOWN) {
      hint = Hint.UNKNOWN;
      return false;
    }
    hint = Hint.UNKNOWN;
    return true;
  }

  private static double[] intersect(double[] a, double[] b) {
    return Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) >= 0).toArray();
  }

  /** Moves custom buckets onto coarser bounds: each into the first bound at or above its own. */
  private static TreeMap<Integer, Double> remap(
      TreeMap<Integer, Double> in, double[] from, double[] to) {
    TreeMap<Integer, Double> out = new TreeMap<>();
    for (Map.Entry<Integer, Double> e : in.entrySet()) {
      int i = e.getKey();
      double upper = i < from.length ? from[i] : Double.POSITIVE_INFINITY;
      int j = 0;
      while (j < to.length && to[j] < upper) {
        j++;
      }
      out.merge(j, e.getValue(), Double::sum);
    }
    return out;
  }

  /** Moves buckets wholly inside a wider zero threshold into the zero bucket. */
  private void widenZeroBucket(double threshold) {
    zeroThreshold = threshold;
    for (TreeMap<Integer, Double> side : List.of(positive, negative)) {
      var it = side.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<Integer, Double> e = it.next();
        if (upperBound(e.getKey(), schema) <= threshold) {
          zeroCount += e.getValue();
          it.remove();
        }
      }
    }
  }

  /** Upper bound of exponential bucket {@code idx} of a schema: 2^(idx * 2^-schema). */
  public static double upperBound(int idx, int schema) {
    if (schema < 0) {
      return Math.scalb(1.0, idx << -schema);
    }
    double exp = idx / (double) (1 << schema);
    double whole = Math.floor(exp);
    return Math.scalb(Math.pow(2, exp - whole), (int) whole);
  }

  /** One bucket: bounds, which ends are inclusive, and its count. */
  public record Bucket(
      double lower, double upper, boolean lowerInclusive, boolean upperInclusive, double count) {
    @Override
    public String toString() {
      return (lowerInclusive ? "[" : "(")
          + GoFormat.g(lower)
          + ","
          + GoFormat.g(upper)
          + (upperInclusive ? "]" : ")")
          + ":"
          + GoFormat.g(count);
    }
  }

  /** All buckets in ascending order of value: negatives, the zero bucket, positives. */
  public List<Bucket> buckets() {
    List<Bucket> out = new ArrayList<>();
    if (usesCustomBuckets()) {
      for (Map.Entry<Integer, Double> e : positive.entrySet()) {
        int i = e.getKey();
        double lower = i == 0 ? Double.NEGATIVE_INFINITY : customValues[i - 1];
        double upper = i < customValues.length ? customValues[i] : Double.POSITIVE_INFINITY;
        out.add(new Bucket(lower, upper, false, true, e.getValue()));
      }
      return out;
    }
    for (Map.Entry<Integer, Double> e : negative.descendingMap().entrySet()) {
      out.add(
          new Bucket(
              -upperBound(e.getKey(), schema),
              -upperBound(e.getKey() - 1, schema),
              true,
              false,
              e.getValue()));
    }
    if (zeroCount != 0) {
      out.add(new Bucket(-zeroThreshold, zeroThreshold, true, true, zeroCount));
    }
    for (Map.Entry<Integer, Double> e : positive.entrySet()) {
      out.add(
          new Bucket(
              upperBound(e.getKey() - 1, schema),
              upperBound(e.getKey(), schema),
              false,
              true,
              e.getValue()));
    }
    return out;
  }

  public boolean hasNegativeBuckets() {
    return negative.values().stream().anyMatch(v -> v != 0);
  }

  public boolean hasPositiveBuckets() {
    return positive.values().stream().anyMatch(v -> v != 0);
  }

  /** {@code FloatHistogram.String()}, used e.g. by {@code count_values}. */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("{count:" + GoFormat.g(count) + ", sum:" + GoFormat.g(sum));
    for (Bucket b : buckets()) {
      if (b.count() != 0) {
        sb.append(", ").append(b);
      }
    }
    return sb.append('}').toString();
  }

  /** Counter reset between {@code previous} and this, as {@code DetectReset}. */
  public boolean detectReset(FloatHistogram previous) {
    if (hint == Hint.COUNTER_RESET) {
      return true;
    }
    if (hint == Hint.NOT_COUNTER_RESET) {
      return false;
    }
    if (count < previous.count) {
      return true;
    }
    if (usesCustomBuckets() != previous.usesCustomBuckets()) {
      return true;
    }
    if (usesCustomBuckets() && !Arrays.equals(customValues, previous.customValues)) {
      double[] common = intersect(customValues, previous.customValues);
      TreeMap<Integer, Double> cur = remap(positive, customValues, common);
      TreeMap<Integer, Double> prev = remap(previous.positive, previous.customValues, common);
      for (Map.Entry<Integer, Double> e : prev.entrySet()) {
        if (cur.getOrDefault(e.getKey(), 0.0) < e.getValue()) {
          return true;
        }
      }
      return false;
    }
    if (schema > previous.schema) {
      return true;
    }
    if (zeroThreshold < previous.zeroThreshold) {
      return true;
    }
    if (zeroCount < previous.zeroCount) {
      return true;
    }
    FloatHistogram prev = previous.copyToSchema(schema);
    for (Map.Entry<Integer, Double> e : prev.positive.entrySet()) {
      if (positive.getOrDefault(e.getKey(), 0.0) < e.getValue()) {
        return true;
      }
    }
    for (Map.Entry<Integer, Double> e : prev.negative.entrySet()) {
      if (negative.getOrDefault(e.getKey(), 0.0) < e.getValue()) {
        return true;
      }
    }
    return false;
  }

  /** Exact equality of values and layout (what {@code changes()} compares). */
  public boolean equalsHistogram(FloatHistogram o) {
    FloatHistogram a = copy().compact();
    FloatHistogram b = o.copy().compact();
    return a.schema == b.schema
        && a.zeroThreshold == b.zeroThreshold
        && Double.compare(a.zeroCount, b.zeroCount) == 0
        && Double.compare(a.count, b.count) == 0
        && Double.compare(a.sum, b.sum) == 0
        && a.positive.equals(b.positive)
        && a.negative.equals(b.negative)
        && Arrays.equals(a.customValues, b.customValues);
  }
}
