package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.eval.Value.Sample;
import io.icegate.query.promql.eval.Value.Vector;
import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.promql.parse.GoFormat;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code histogram_quantile} over classic buckets ({@code BucketQuantile} in quantile.go): buckets
 * grouped by all labels but {@code le}, made monotonic, interpolated linearly.
 */
final class HistogramQuantile {
  private static final double SMALL_DELTA_TOLERANCE = 1e-12;

  private HistogramQuantile() {}

  /**
   * Classic bucket groups and the native samples of one vector, split as {@code resetHistograms}.
   */
  private record Split(Map<Labels, List<double[]>> classic, List<Sample> natives) {}

  private static Split split(Evaluator ev, List<Sample> in, Expr arg) {
    Map<Labels, List<double[]>> groups = new LinkedHashMap<>();
    List<Sample> natives = new ArrayList<>();
    for (Sample s : in) {
      if (s.h() != null) {
        natives.add(s);
        continue;
      }
      String le = s.labels().get("le");
      double upper;
      try {
        upper = parseLe(le);
      } catch (RuntimeException e) {
        String name = s.labels().get(Labels.METRIC_NAME);
        ev.annotations.warn(
            "bucket label \"le\" is missing or has a malformed value of \""
                + le
                + "\""
                + (name.isEmpty() ? "" : " for metric name \"" + name + "\""),
            arg);
        continue;
      }
      groups
          .computeIfAbsent(s.labels().without("le"), k -> new ArrayList<>())
          .add(new double[] {upper, s.value()});
    }
    List<Sample> kept = new ArrayList<>();
    for (Sample s : natives) {
      List<double[]> g = groups.get(s.labels());
      if (g != null && !g.isEmpty()) {
        String name = s.labels().get(Labels.METRIC_NAME);
        ev.annotations.warn(
            "vector contains a mix of classic and native histograms for metric name \""
                + name
                + "\"",
            arg);
        groups.remove(s.labels());
        continue;
      }
      kept.add(s);
    }
    return new Split(groups, kept);
  }

  static Value eval(Evaluator ev, Expr.Call c, long t) {
    switch (c.function().name()) {
      case "histogram_count",
      "histogram_sum",
      "histogram_avg",
      "histogram_stddev",
      "histogram_stdvar":
        return simple(ev, c, t);
      case "histogram_fraction":
        return fraction(ev, c, t);
      case "histogram_quantiles":
        return quantiles(ev, c, t);
      default:
        break;
    }
    double q = FunctionEval.scalarArg(ev, c.args().get(0), t);
    List<Sample> in = FunctionEval.vectorArg(ev, c.args().get(1), t);
    if (Double.isNaN(q) || q < 0 || q > 1) {
      ev.annotations.warn(
          "quantile value should be between 0 and 1, got " + GoFormat.g(q), c.args().get(0));
    }
    Split sp = split(ev, in, c.args().get(1));
    List<Sample> out = new ArrayList<>();
    for (Sample s : sp.natives()) {
      out.add(new Sample(s.labels(), nativeQuantile(ev, q, s, c.args().get(1)), true));
    }
    for (Map.Entry<Labels, List<double[]>> e : sp.classic().entrySet()) {
      out.add(
          new Sample(
              e.getKey(), classicQuantile(ev, q, e.getKey(), e.getValue(), c.args().get(1)), true));
    }
    return new Vector(out);
  }

  private static double nativeQuantile(Evaluator ev, double q, Sample s, Expr arg) {
    String[] info = new String[1];
    double v = NativeHistogramMath.quantile(q, s.h(), info);
    if (info[0] != null) {
      ev.annotations.info(info[0] + metricSuffix(s.labels()), arg);
    }
    return v;
  }

  private static String metricSuffix(Labels l) {
    String name = l.get(Labels.METRIC_NAME);
    return name.isEmpty() ? "" : " for metric name \"" + name + "\"";
  }

  private static double classicQuantile(
      Evaluator ev, double q, Labels key, List<double[]> buckets, Expr arg) {
    boolean[] forced = new boolean[1];
    double v = bucketQuantile(q, buckets, forced);
    if (forced[0]) {
      ev.annotations.info(
          "input to histogram_quantile needed to be fixed for monotonicity (see"
              + " https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)"
              + metricSuffix(key),
          arg);
    }
    return v;
  }

  private static Value quantiles(Evaluator ev, Expr.Call c, long t) {
    List<Sample> in = FunctionEval.vectorArg(ev, c.args().get(0), t);
    String label = FunctionEval.stringArg(c.args().get(1));
    List<Double> qs = new ArrayList<>();
    for (int i = 2; i < c.args().size(); i++) {
      double q = FunctionEval.scalarArg(ev, c.args().get(i), t);
      if (Double.isNaN(q) || q < 0 || q > 1) {
        ev.annotations.warn(
            "quantile value should be between 0 and 1, got " + GoFormat.g(q), c.args().get(i));
      }
      qs.add(q);
    }
    Split sp = split(ev, in, c.args().get(0));
    List<Sample> out = new ArrayList<>();
    for (double q : qs) {
      String qs1 = openMetricsFloat(q);
      for (Sample s : sp.natives()) {
        out.add(
            new Sample(
                s.labels().with(label, qs1), nativeQuantile(ev, q, s, c.args().get(0)), true));
      }
      for (Map.Entry<Labels, List<double[]>> e : sp.classic().entrySet()) {
        out.add(
            new Sample(
                e.getKey().with(label, qs1),
                classicQuantile(ev, q, e.getKey(), e.getValue(), c.args().get(0)),
                true));
      }
    }
    return new Vector(out);
  }

  static String openMetricsFloat(double f) {
    if (f == 1) {
      return "1.0";
    }
    if (f == 0) {
      return "0.0";
    }
    if (f == -1) {
      return "-1.0";
    }
    String s = GoFormat.g(f);
    if (!Double.isNaN(f) && !Double.isInfinite(f) && !s.contains("e") && !s.contains(".")) {
      s += ".0";
    }
    return s;
  }

  private static Value fraction(Evaluator ev, Expr.Call c, long t) {
    double lower = FunctionEval.scalarArg(ev, c.args().get(0), t);
    double upper = FunctionEval.scalarArg(ev, c.args().get(1), t);
    List<Sample> in = FunctionEval.vectorArg(ev, c.args().get(2), t);
    Split sp = split(ev, in, c.args().get(2));
    List<Sample> out = new ArrayList<>();
    for (Sample s : sp.natives()) {
      String[] info = new String[1];
      double v = NativeHistogramMath.fraction(lower, upper, s.h(), info);
      if (info[0] != null) {
        ev.annotations.info(info[0] + metricSuffix(s.labels()), c.args().get(2));
      }
      out.add(new Sample(s.labels(), v, true));
    }
    for (Map.Entry<Labels, List<double[]>> e : sp.classic().entrySet()) {
      out.add(new Sample(e.getKey(), bucketFraction(lower, upper, e.getValue()), true));
    }
    return new Vector(out);
  }

  private static Value simple(Evaluator ev, Expr.Call c, long t) {
    String name = c.function().name();
    List<Sample> out = new ArrayList<>();
    for (Sample s : FunctionEval.vectorArg(ev, c.args().get(0), t)) {
      if (s.h() == null) {
        continue;
      }
      FloatHistogram h = s.h();
      double v =
          switch (name) {
            case "histogram_count" -> h.count;
            case "histogram_sum" -> h.sum;
            case "histogram_avg" -> h.sum / h.count;
            case "histogram_stddev" -> Math.sqrt(NativeHistogramMath.variance(h));
            default -> NativeHistogramMath.variance(h);
          };
      out.add(new Sample(s.labels(), v, true));
    }
    return new Vector(out);
  }

  /** {@code BucketFraction} over classic buckets. */
  static double bucketFraction(double lower, double upper, List<double[]> input) {
    List<double[]> b = new ArrayList<>();
    for (double[] x : input) {
      b.add(x.clone());
    }
    b.sort((x, y) -> Double.compare(x[0], y[0]));
    if (b.get(b.size() - 1)[0] != Double.POSITIVE_INFINITY) {
      return Double.NaN;
    }
    List<double[]> co = new ArrayList<>();
    for (double[] x : b) {
      if (!co.isEmpty() && co.get(co.size() - 1)[0] == x[0]) {
        co.get(co.size() - 1)[1] += x[1];
      } else {
        co.add(x);
      }
    }
    b = co;
    double count = b.get(b.size() - 1)[1];
    if (count == 0 || Double.isNaN(lower) || Double.isNaN(upper)) {
      return Double.NaN;
    }
    if (lower >= upper) {
      return 0;
    }
    double rank = 0;
    double lowerRank = 0;
    double upperRank = 0;
    boolean lowerSet = false;
    boolean upperSet = false;
    double lowerBound = b.get(0)[0] <= 0 ? Double.NEGATIVE_INFINITY : 0;
    for (int i = 0; i < b.size(); i++) {
      if (i > 0) {
        lowerBound = b.get(i - 1)[0];
      }
      double upperBound = b.get(i)[0];
      double bc = b.get(i)[1];
      if (!lowerSet && lowerBound >= lower) {
        lowerRank = rank;
        lowerSet = true;
      }
      if (!upperSet && lowerBound >= upper) {
        upperRank = rank;
        upperSet = true;
      }
      if (lowerSet && upperSet) {
        break;
      }
      if (!lowerSet && lowerBound < lower && upperBound > lower) {
        lowerRank =
            lowerBound == Double.NEGATIVE_INFINITY
                ? bc
                : rank + (bc - rank) * (lower - lowerBound) / (upperBound - lowerBound);
        lowerSet = true;
      }
      if (!upperSet && lowerBound < upper && upperBound > upper) {
        upperRank =
            lowerBound == Double.NEGATIVE_INFINITY
                ? bc
                : rank + (bc - rank) * (upper - lowerBound) / (upperBound - lowerBound);
        upperSet = true;
      }
      if (lowerSet && upperSet) {
        break;
      }
      rank = bc;
    }
    if (!lowerSet || lowerRank > count) {
      lowerRank = count;
    }
    if (!upperSet || upperRank > count) {
      upperRank = count;
    }
    return (upperRank - lowerRank) / count;
  }

  static double parseLe(String le) {
    String s = le.trim();
    if (s.isEmpty()) {
      throw new NumberFormatException("empty");
    }
    double v =
        io.icegate.query.promql.parse.Literals.parseNumber(
            s.startsWith("+") && !s.equalsIgnoreCase("+inf") ? s.substring(1) : s);
    if (Double.isNaN(v)) {
      throw new NumberFormatException("NaN");
    }
    return v;
  }

  static double bucketQuantile(double q, List<double[]> input, boolean[] forcedMonotonic) {
    if (Double.isNaN(q)) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    List<double[]> b = new ArrayList<>();
    for (double[] x : input) {
      b.add(x.clone());
    }
    b.sort((x, y) -> Double.compare(x[0], y[0]));
    if (b.get(b.size() - 1)[0] != Double.POSITIVE_INFINITY) {
      return Double.NaN;
    }
    // Coalesce buckets with the same upper bound.
    List<double[]> co = new ArrayList<>();
    for (double[] x : b) {
      if (!co.isEmpty() && co.get(co.size() - 1)[0] == x[0]) {
        co.get(co.size() - 1)[1] += x[1];
      } else {
        co.add(x);
      }
    }
    b = co;
    double prev = b.get(0)[1];
    for (int i = 1; i < b.size(); i++) {
      double curr = b.get(i)[1];
      if (curr == prev) {
        continue;
      }
      if (almostEqual(prev, curr, SMALL_DELTA_TOLERANCE)) {
        b.get(i)[1] = prev;
        continue;
      }
      if (curr < prev) {
        b.get(i)[1] = prev;
        forcedMonotonic[0] = true;
        continue;
      }
      prev = curr;
    }
    if (b.size() < 2) {
      return Double.NaN;
    }
    double observations = b.get(b.size() - 1)[1];
    if (observations == 0) {
      return Double.NaN;
    }
    double rank = q * observations;
    int idx = 0;
    int n = b.size() - 1;
    while (idx < n && !(b.get(idx)[1] >= rank)) {
      idx++;
    }
    if (idx == b.size() - 1) {
      return b.get(b.size() - 2)[0];
    }
    if (idx == 0 && b.get(0)[0] <= 0) {
      return b.get(0)[0];
    }
    double bucketStart = 0;
    double bucketEnd = b.get(idx)[0];
    double count = b.get(idx)[1];
    if (idx > 0) {
      bucketStart = b.get(idx - 1)[0];
      count -= b.get(idx - 1)[1];
      rank -= b.get(idx - 1)[1];
    }
    return bucketStart + (bucketEnd - bucketStart) * (rank / count);
  }

  /** {@code almost.Equal}. */
  static boolean almostEqual(double a, double b, double epsilon) {
    if (StoredSeries.isStale(a) || StoredSeries.isStale(b)) {
      return StoredSeries.isStale(a) && StoredSeries.isStale(b);
    }
    if (Double.isNaN(a) && Double.isNaN(b)) {
      return true;
    }
    if (a == b) {
      return true;
    }
    double minNormal = Double.MIN_NORMAL;
    double absSum = Math.abs(a) + Math.abs(b);
    double diff = Math.abs(a - b);
    if (a == 0 || b == 0 || absSum < minNormal) {
      return diff < epsilon * minNormal;
    }
    return diff / Math.min(absSum, Double.MAX_VALUE) < epsilon;
  }
}
