package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.eval.Value.Sample;
import io.icegate.query.promql.eval.Value.Window;
import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.promql.histogram.FloatHistogram.Hint;
import io.icegate.query.promql.histogram.HistogramAverager;
import io.icegate.query.series.Labels;

/** Range functions over windows holding native histograms (alone or mixed with floats). */
final class HistogramRange {
  private HistogramRange() {}

  /** The function's sample for a window with histograms, or null for no output. */
  static Sample apply(Evaluator ev, String name, Window w, long t, Expr arg) {
    String metric = w.labels().get(Labels.METRIC_NAME);
    boolean mixed = w.floatCount() > 0;
    switch (name) {
      case "changes", "resets" -> {
        int n = 0;
        for (int i = 1; i < w.size(); i++) {
          FloatHistogram prev = w.h(i - 1);
          FloatHistogram cur = w.h(i);
          if ((prev == null) != (cur == null)) {
            n++;
          } else if (cur == null) {
            double a = w.values()[i - 1];
            double b = w.values()[i];
            if (name.equals("changes")
                ? (a != b && !(Double.isNaN(a) && Double.isNaN(b)))
                : b < a) {
              n++;
            }
          } else if (name.equals("changes") ? !cur.equalsHistogram(prev) : cur.detectReset(prev)) {
            n++;
          }
        }
        return new Sample(w.labels(), n, true);
      }
      case "irate", "idelta" -> {
        if (w.size() < 2) {
          return null;
        }
        FloatHistogram last = w.h(w.size() - 1);
        FloatHistogram prev = w.h(w.size() - 2);
        if (last == null && prev == null) {
          Window last2 =
              new Window(
                  w.labels(),
                  new long[] {w.timestamps()[w.size() - 2], w.timestamps()[w.size() - 1]},
                  new double[] {w.values()[w.size() - 2], w.values()[w.size() - 1]},
                  w.dropName());
          double dt = (last2.timestamps()[1] - last2.timestamps()[0]) / 1000.0;
          double a = last2.values()[0];
          double b = last2.values()[1];
          double r = name.equals("irate") && b < a ? b : b - a;
          return new Sample(w.labels(), name.equals("irate") ? r / dt : r, true);
        }
        if (last == null || prev == null) {
          ev.annotations.warn(
              "encountered a mix of histograms and floats for metric name \"" + metric + "\"", arg);
          return null;
        }
        boolean isRate = name.equals("irate");
        if (isRate && (last.hint == Hint.GAUGE || prev.hint == Hint.GAUGE)) {
          ev.annotations.warn(
              "this native histogram metric is not a counter: \"" + metric + "\"", arg);
        }
        if (!isRate && (last.hint != Hint.GAUGE || prev.hint != Hint.GAUGE)) {
          ev.annotations.warn(
              "this native histogram metric is not a gauge: \"" + metric + "\"", arg);
        }
        FloatHistogram res = last.copy();
        if (!isRate || !last.detectReset(prev)) {
          try {
            res.sub(prev);
            if (res.lastReconciled) {
              ev.annotations.info(
                  "mismatched custom buckets were reconciled during subtraction", arg);
            }
          } catch (FloatHistogram.IncompatibleException e) {
            ev.annotations.warn(
                "vector contains a mix of histograms with exponential and custom buckets schemas for metric name \""
                    + metric
                    + "\"",
                arg);
            return null;
          }
        }
        if (isRate) {
          res.div((w.timestamps()[w.size() - 1] - w.timestamps()[w.size() - 2]) / 1000.0);
        }
        res.hint = Hint.GAUGE;
        return new Sample(w.labels(), 0, res.compact(), true);
      }
      default -> {}
    }
    if (mixed) {
      ev.annotations.warn(
          "encountered a mix of histograms and floats for metric name \"" + metric + "\"", arg);
      return null;
    }
    try {
      switch (name) {
        case "sum_over_time", "avg_over_time" -> {
          FloatHistogram sum = w.h(0).copy();
          FloatHistogram comp = null;
          boolean reset = w.h(0).hint == Hint.COUNTER_RESET;
          boolean notReset = w.h(0).hint == Hint.NOT_COUNTER_RESET;
          boolean reconciled = false;
          for (int i = 1; i < w.size(); i++) {
            reset |= w.h(i).hint == Hint.COUNTER_RESET;
            notReset |= w.h(i).hint == Hint.NOT_COUNTER_RESET;
            comp = sum.kahanAdd(w.h(i), comp);
            reconciled |= sum.lastReconciled;
          }
          sum.addCompensation(comp);
          if (reset && notReset) {
            ev.annotations.warn("conflicting counter resets during histogram aggregation", arg);
          }
          if (reconciled) {
            ev.annotations.info(
                "mismatched custom buckets were reconciled during aggregation", arg);
          }
          if (name.equals("avg_over_time")) {
            HistogramAverager avg = new HistogramAverager(w.h(0));
            for (int i = 1; i < w.size(); i++) {
              avg.add(w.h(i));
            }
            FloatHistogram mean = avg.result();
            mean.hint = sum.hint;
            return new Sample(w.labels(), 0, mean.compact(), true);
          }
          return new Sample(w.labels(), 0, sum.compact(), true);
        }
        default -> {
          FloatHistogram r = rate(ev, name, w, t, arg, metric);
          return r == null ? null : new Sample(w.labels(), 0, r, true);
        }
      }
    } catch (FloatHistogram.IncompatibleException e) {
      ev.annotations.warn(
          "vector contains a mix of histograms with exponential and custom buckets schemas for metric name \""
              + metric
              + "\"",
          arg);
      return null;
    }
  }

  private static FloatHistogram rate(
      Evaluator ev, String name, Window w, long t, Expr arg, String metric) {
    int n = w.size();
    if (n < 2) {
      return null;
    }
    boolean isCounter = !name.equals("delta");
    boolean isRate = name.equals("rate");
    FloatHistogram prev = w.h(0);
    FloatHistogram last = w.h(n - 1);
    if (isCounter && (prev.hint == Hint.GAUGE || last.hint == Hint.GAUGE)) {
      ev.annotations.warn("this native histogram metric is not a counter: \"" + metric + "\"", arg);
    }
    int minSchema = Math.min(prev.schema, last.schema);
    for (int i = 1; i < n - 1; i++) {
      FloatHistogram cur = w.h(i);
      if (isCounter && cur.hint == Hint.GAUGE) {
        ev.annotations.warn(
            "this native histogram metric is not a counter: \"" + metric + "\"", arg);
      }
      minSchema = Math.min(minSchema, cur.schema);
    }
    boolean custom = prev.usesCustomBuckets();
    if (isCounter && w.h(1).detectReset(prev)) {
      // The first sample only matters through its count; start from an empty histogram
      // shaped like the second one, as Prometheus does.
      FloatHistogram empty = new FloatHistogram();
      empty.schema = w.h(1).schema;
      empty.customValues = w.h(1).customValues;
      empty.zeroThreshold = w.h(1).zeroThreshold;
      prev = empty;
      custom = empty.usesCustomBuckets();
    }
    if (last.usesCustomBuckets() != custom) {
      throw new FloatHistogram.IncompatibleException("mix");
    }
    for (int i = 1; i < n - 1; i++) {
      if (isCounter && w.h(i).usesCustomBuckets() != custom) {
        throw new FloatHistogram.IncompatibleException("mix");
      }
    }
    minSchema = Math.min(minSchema, prev.schema);
    FloatHistogram h = last.copyToSchema(minSchema);
    h.sub(prev);
    if (h.lastReconciled) {
      ev.annotations.info("mismatched custom buckets were reconciled during subtraction", arg);
    }
    if (isCounter) {
      FloatHistogram p = prev;
      for (int i = 1; i < n; i++) {
        FloatHistogram cur = w.h(i);
        if (i == 1 && p != w.h(0)) {
          p = cur;
          continue;
        }
        if (cur.detectReset(p)) {
          h.add(p);
          if (h.lastReconciled) {
            ev.annotations.info("mismatched custom buckets were reconciled during addition", arg);
          }
        }
        p = cur;
      }
    } else if (prev.hint != Hint.GAUGE || last.hint != Hint.GAUGE) {
      ev.annotations.warn("this native histogram metric is not a gauge: \"" + metric + "\"", arg);
    }
    h.hint = Hint.GAUGE;
    h.compact();
    // Extrapolate as for floats, with the histogram's count standing in for the value.
    long rangeMs;
    long rangeEnd;
    if (arg instanceof Expr.MatrixSelector ms) {
      rangeMs = ms.rangeMs();
      rangeEnd = ev.refTime(ms.selector(), t);
    } else {
      Expr.Subquery sq = (Expr.Subquery) arg;
      rangeMs = sq.rangeMs();
      rangeEnd = ev.resolveAt(sq.at(), sq.atMs(), t) - sq.offsetMs();
    }
    long[] ts = w.timestamps();
    long rangeStart = rangeEnd - rangeMs;
    double durationToStart = (ts[0] - rangeStart) / 1000.0;
    double durationToEnd = (rangeEnd - ts[n - 1]) / 1000.0;
    double sampledInterval = (ts[n - 1] - ts[0]) / 1000.0;
    double avg = sampledInterval / (n - 1);
    double threshold = avg * 1.1;
    double interval = sampledInterval;
    if (durationToStart >= threshold) {
      durationToStart = avg / 2;
    }
    if (isCounter && h.count > 0 && w.h(0).count >= 0) {
      double durationToZero = sampledInterval * (w.h(0).count / h.count);
      if (durationToZero < durationToStart) {
        durationToStart = durationToZero;
      }
    }
    interval += durationToStart;
    if (durationToEnd >= threshold) {
      durationToEnd = avg / 2;
    }
    interval += durationToEnd;
    double factor = interval / sampledInterval;
    if (isRate) {
      factor /= rangeMs / 1000.0;
    }
    return h.mul(factor);
  }
}
