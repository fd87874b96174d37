package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.eval.Value.Sample;
import io.icegate.query.promql.eval.Value.Vector;
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

  static Value eval(Evaluator ev, Expr.Call c, long t) {
    double q = FunctionEval.scalarArg(ev, c.args().get(0), t);
    List<Sample> in = FunctionEval.vectorArg(ev, c.args().get(1), t);
    if (Double.isNaN(q) || q < 0 || q > 1) {
      ev.annotations.warn(
          "quantile value should be between 0 and 1, got " + GoFormat.g(q), c.args().get(0));
    }
    Map<Labels, List<double[]>> groups = new LinkedHashMap<>();
    for (Sample s : in) {
      String le = s.labels().get("le");
      double upper;
      try {
        upper = parseLe(le);
      } catch (NumberFormatException e) {
        String name = s.labels().get(Labels.METRIC_NAME);
        ev.annotations.warn(
            "bucket label \"le\" is missing or has a malformed value of \""
                + le
                + "\""
                + (name.isEmpty() ? "" : " for metric name \"" + name + "\""),
            c.args().get(1));
        continue;
      }
      groups
          .computeIfAbsent(s.labels().without("le"), k -> new ArrayList<>())
          .add(new double[] {upper, s.value()});
    }
    List<Sample> out = new ArrayList<>();
    for (Map.Entry<Labels, List<double[]>> e : groups.entrySet()) {
      boolean[] forced = new boolean[1];
      double v = bucketQuantile(q, e.getValue(), forced);
      if (forced[0]) {
        String name = e.getKey().get(Labels.METRIC_NAME);
        ev.annotations.info(
            "input to histogram_quantile needed to be fixed for monotonicity (see"
                + " https://prometheus.io/docs/prometheus/latest/querying/functions/#histogram_quantile)"
                + (name.isEmpty() ? "" : " for metric name \"" + name + "\""),
            c.args().get(1));
      }
      out.add(new Sample(e.getKey(), v, true));
    }
    return new Vector(out);
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
