package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.eval.Value.Sample;
import io.icegate.query.promql.eval.Value.Scalar;
import io.icegate.query.promql.eval.Value.Str;
import io.icegate.query.promql.eval.Value.Vector;
import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.promql.histogram.HistogramAverager;
import io.icegate.query.promql.parse.GoFormat;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Aggregation operators as Prometheus computes them ({@code aggregation} in engine.go). */
final class AggregateEval {
  private AggregateEval() {}

  static Value eval(Evaluator ev, Expr.Aggregate a, long t) {
    Vector in = (Vector) ev.eval(a.expr(), t);
    String op = a.op();
    double param = Double.NaN;
    String labelParam = null;
    if (a.param() != null) {
      Value p = ev.eval(a.param(), t);
      if (p instanceof Str s) {
        labelParam = s.value();
      } else {
        param = ((Scalar) p).value();
      }
    }
    switch (op) {
      case "topk", "bottomk", "limitk" -> {
        if (Double.isNaN(param)) {
          throw new PromqlEvalException("Parameter value is NaN");
        }
        if (param >= 9.223372036854775807E18 || param < -9.223372036854775808E18) {
          throw new PromqlEvalException("Scalar value " + GoFormat.g(param) + " overflows int64");
        }
        return kAggregation(ev, op, a, in, (long) param);
      }
      case "limit_ratio" -> {
        if (Double.isNaN(param)) {
          throw new PromqlEvalException("Ratio value is NaN");
        }
        double r = param;
        if (r > 1 || r < -1) {
          double capped = r < 0 ? -1 : 1;
          ev.annotations.warn(
              "ratio value should be between -1 and 1, got "
                  + GoFormat.g(r)
                  + ", capping to "
                  + GoFormat.g(capped),
              a.param());
          r = capped;
        }
        return limitRatio(a, in, r);
      }
      case "count_values" -> {
        return countValues(a, in, labelParam);
      }
      case "quantile" -> {
        if (Double.isNaN(param) || param < 0 || param > 1) {
          ev.annotations.warn(
              "quantile value should be between 0 and 1, got " + GoFormat.g(param), a.param());
        }
      }
      default -> {}
    }
    boolean floatOnly = Set.of("min", "max", "stddev", "stdvar", "quantile").contains(op);
    boolean histogramAware = op.equals("sum") || op.equals("avg");
    Map<Labels, Group> groups = new LinkedHashMap<>();
    for (Sample s : in.samples()) {
      if (s.h() != null && floatOnly) {
        ev.annotations.info("ignored histogram in " + op + " aggregation", a.expr());
        continue;
      }
      Labels key = groupingKey(s.labels(), a);
      Group g = groups.get(key);
      if (g == null) {
        g = new Group(op, s);
        groups.put(key, g);
        if (histogramAware && s.h() != null) {
          g.histogram = s.h().copy();
          g.averager = new HistogramAverager(s.h());
          g.histogramCount = 1;
          g.seeHint(s.h());
        }
      } else if (histogramAware && s.h() != null) {
        g.dropName |= s.dropName();
        if (g.histogram == null) {
          g.histogram = s.h().copy();
          g.averager = new HistogramAverager(s.h());
          g.histogramCount = 1;
          g.seeHint(s.h());
        } else {
          g.addHistogram(s);
        }
      } else {
        g.hasFloat |= s.h() == null;
        g.add(op, s.value(), s.dropName());
      }
    }
    List<Sample> out = new ArrayList<>(groups.size());
    for (Map.Entry<Labels, Group> e : groups.entrySet()) {
      Group g = e.getValue();
      if (histogramAware && g.histogram != null) {
        if (g.hasFloat) {
          ev.annotations.warn(
              "encountered a mix of histograms and floats for aggregation", a.expr());
          continue;
        }
        if (g.incompatible) {
          ev.annotations.warn(
              "vector contains a mix of histograms with exponential and custom buckets schemas for metric name \""
                  + g.incompatibleName
                  + "\"",
              a.expr());
          continue;
        }
        FloatHistogram h = g.histogram.addCompensation(g.comp);
        if (g.resetSeen && g.notResetSeen) {
          ev.annotations.warn("conflicting counter resets during histogram aggregation", a.expr());
        }
        if (g.reconciled) {
          ev.annotations.info(
              "mismatched custom buckets were reconciled during aggregation", a.expr());
        }
        if (op.equals("avg")) {
          FloatHistogram mean = g.averager.result();
          mean.hint = h.hint;
          h = mean;
        }
        out.add(new Sample(e.getKey(), 0, h.compact(), g.dropName));
        continue;
      }
      if (histogramAware && g.incompatible) {
        continue;
      }
      out.add(new Sample(e.getKey(), g.result(op, param), g.dropName));
    }
    return new Vector(out);
  }

  static Labels groupingKey(Labels l, Expr.Aggregate a) {
    if (a.without()) {
      List<String> drop = new ArrayList<>(a.grouping());
      drop.add(Labels.METRIC_NAME);
      return l.drop(drop);
    }
    return l.keep(a.grouping());
  }

  /** Running state of one output group. */
  private static final class Group {
    FloatHistogram histogram;
    HistogramAverager averager;
    FloatHistogram comp;
    boolean reconciled;
    boolean resetSeen;
    boolean notResetSeen;

    void seeHint(FloatHistogram h) {
      resetSeen |= h.hint == FloatHistogram.Hint.COUNTER_RESET;
      notResetSeen |= h.hint == FloatHistogram.Hint.NOT_COUNTER_RESET;
    }

    double histogramCount;
    boolean hasFloat;
    boolean incompatible;
    String incompatibleName = "";
    boolean dropName;
    double value;
    double mean;
    double kahanC;
    double count = 1;
    boolean incrementalMean;
    final List<Double> values = new ArrayList<>();

    Group(String op, Sample first) {
      double f = first.h() != null ? 0 : first.value();
      hasFloat = first.h() == null;
      dropName = first.dropName();
      if (first.h() != null && (op.equals("sum") || op.equals("avg"))) {
        count = 1;
        value = 0;
        mean = 0;
        return;
      }
      value = f;
      mean = f;
      switch (op) {
        case "stddev", "stdvar" -> value = Double.isNaN(f) || Double.isInfinite(f) ? Double.NaN : 0;
        case "group" -> value = 1;
        case "quantile" -> values.add(f);
        default -> {}
      }
    }

    void addHistogram(Sample s) {
      if (s.h() == null || incompatible) {
        return;
      }
      if (histogram == null) {
        return; // The caller starts the running histogram.
      }
      try {
        seeHint(s.h());
        comp = histogram.kahanAdd(s.h(), comp);
        reconciled |= histogram.lastReconciled;
        histogramCount++;
        if (averager != null) {
          averager.add(s.h());
        }
      } catch (FloatHistogram.IncompatibleException e) {
        incompatible = true;
        incompatibleName = s.labels().get(Labels.METRIC_NAME);
      }
    }

    void add(String op, double f, boolean dropName) {
      this.dropName |= dropName;
      switch (op) {
        case "sum" -> {
          double[] r = kahanInc(f, value, kahanC);
          value = r[0];
          kahanC = r[1];
        }
        case "avg" -> {
          count++;
          if (!incrementalMean) {
            double[] r = kahanInc(f, value, kahanC);
            if (!Double.isInfinite(r[0])) {
              value = r[0];
              kahanC = r[1];
              return;
            }
            incrementalMean = true;
            mean = value / (count - 1);
            kahanC /= count - 1;
          }
          double q = (count - 1) / count;
          double[] r = kahanInc(f / count, q * mean, q * kahanC);
          mean = r[0];
          kahanC = r[1];
        }
        case "max" -> {
          if (value < f || Double.isNaN(value)) {
            value = f;
          }
        }
        case "min" -> {
          if (value > f || Double.isNaN(value)) {
            value = f;
          }
        }
        case "count" -> count++;
        case "stddev", "stdvar" -> {
          count++;
          double delta = f - mean;
          mean += delta / count;
          value += delta * (f - mean);
        }
        case "quantile" -> values.add(f);
        default -> {}
      }
    }

    double result(String op, double q) {
      return switch (op) {
        case "sum" -> value + kahanC;
        case "avg" -> incrementalMean ? mean + kahanC : value / count + kahanC / count;
        case "count" -> count;
        case "stdvar" -> value / count;
        case "stddev" -> Math.sqrt(value / count);
        case "quantile" -> quantile(q, values);
        default -> value;
      };
    }
  }

  /** Kahan-Neumaier step ({@code kahansum.Inc}): returns the new sum and compensation. */
  static double[] kahanInc(double inc, double sum, double c) {
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

  /** Prometheus' {@code quantile}: linear interpolation between the closest ranks. */
  static double quantile(double q, List<Double> values) {
    if (values.isEmpty() || Double.isNaN(q)) {
      return Double.NaN;
    }
    if (q < 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (q > 1) {
      return Double.POSITIVE_INFINITY;
    }
    List<Double> sorted = new ArrayList<>(values);
    // NaN sorts first, as Prometheus' vectorByValueHeap orders it.
    sorted.sort(
        (x, y) ->
            Double.isNaN(x)
                ? (Double.isNaN(y) ? 0 : -1)
                : Double.isNaN(y) ? 1 : Double.compare(x, y));
    int n = sorted.size();
    double rank = q * (n - 1);
    int lower = (int) Math.max(0, Math.floor(rank));
    int upper = Math.min(n - 1, lower + 1);
    double weight = rank - Math.floor(rank);
    return sorted.get(lower) * (1 - weight) + sorted.get(upper) * weight;
  }

  private static Value kAggregation(Evaluator ev, String op, Expr.Aggregate a, Vector in, long k) {
    if (k < 1) {
      return new Vector(List.of());
    }
    Map<Labels, List<Sample>> groups = new LinkedHashMap<>();
    for (Sample s : in.samples()) {
      if (s.h() != null && !op.equals("limitk")) {
        ev.annotations.info("ignored histogram in " + op + " aggregation", a.expr());
        continue;
      }
      groups.computeIfAbsent(groupingKey(s.labels(), a), x -> new ArrayList<>()).add(s);
    }
    List<Sample> out = new ArrayList<>();
    for (List<Sample> g : groups.values()) {
      List<Sample> sel = new ArrayList<>(g);
      if (op.equals("topk")) {
        sel.sort((x, y) -> compareDesc(x.value(), y.value()));
      } else if (op.equals("bottomk")) {
        sel.sort((x, y) -> compareDesc(-x.value(), -y.value()));
      }
      out.addAll(sel.subList(0, (int) Math.min(k, sel.size())));
    }
    return new Vector(out);
  }

  /** Larger first, NaN last. */
  private static int compareDesc(double x, double y) {
    if (Double.isNaN(x)) {
      return Double.isNaN(y) ? 0 : 1;
    }
    if (Double.isNaN(y)) {
      return -1;
    }
    return Double.compare(y, x);
  }

  private static Value limitRatio(Expr.Aggregate a, Vector in, double ratio) {
    List<Sample> out = new ArrayList<>();
    for (Sample s : in.samples()) {
      double point = LabelHash.ratioPoint(s.labels());
      boolean keep = ratio >= 0 ? point < ratio : point >= 1 + ratio;
      if (keep) {
        out.add(s);
      }
    }
    return new Vector(out);
  }

  private static Value countValues(Expr.Aggregate a, Vector in, String label) {
    if (!FunctionEval.isValidLabelName(label)) {
      throw new PromqlEvalException("invalid label name " + GoFormat.quote(label));
    }
    Map<Labels, double[]> counts = new LinkedHashMap<>();
    for (Sample s : in.samples()) {
      String text = s.h() != null ? s.h().toString() : GoFormat.f(s.value());
      Labels key = groupingKey(s.labels(), a).with(label, text);
      counts.computeIfAbsent(key, x -> new double[1])[0]++;
    }
    List<Sample> out = new ArrayList<>();
    counts.forEach((l, c) -> out.add(new Sample(l, c[0], false)));
    return new Vector(out);
  }
}
