package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.ast.ValueType;
import io.icegate.query.promql.eval.Value.Matrix;
import io.icegate.query.promql.eval.Value.Sample;
import io.icegate.query.promql.eval.Value.Vector;
import io.icegate.query.promql.eval.Value.Window;
import io.icegate.query.promql.parse.GoFormat;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Functions over range vectors: the rate family and the {@code *_over_time} functions. */
final class RangeFunctions {
  private RangeFunctions() {}

  static Value eval(Evaluator ev, Expr.Call c, long t) {
    String name = c.function().name();
    int mi = c.function().argTypes().indexOf(ValueType.MATRIX);
    Expr matrixArg = unwrap(c.args().get(mi));
    if (matrixArg instanceof Expr.MatrixSelector ems
        && ems.selector().extension() != Expr.Extension.NONE) {
      Value extended = extended(ev, c, ems, t);
      if (extended != null) {
        return extended;
      }
    }
    Matrix m = (Matrix) ev.eval(matrixArg, t);
    if (name.equals("absent_over_time")) {
      if (!m.series().isEmpty()) {
        return new Vector(List.of());
      }
      return new Vector(List.of(new Sample(FunctionEval.absentLabels(matrixArg), 1, false)));
    }
    double[] scalars = new double[c.args().size()];
    for (int i = 0; i < c.args().size(); i++) {
      if (i != mi) {
        scalars[i] = FunctionEval.scalarArg(ev, c.args().get(i), t);
      }
    }
    if (name.equals("quantile_over_time") && !m.series().isEmpty()) {
      double q = scalars[0];
      if (Double.isNaN(q) || q < 0 || q > 1) {
        ev.annotations.warn(
            "quantile value should be between 0 and 1, got " + GoFormat.g(q), c.args().get(0));
      }
    }
    if (name.equals("double_exponential_smoothing") && !m.series().isEmpty()) {
      double sf = scalars[1];
      double tf = scalars[2];
      if (sf <= 0 || sf >= 1) {
        throw new PromqlEvalException(
            "invalid smoothing factor. Expected: 0 < sf < 1, got: "
                + String.format(Locale.ROOT, "%f", sf));
      }
      if (tf <= 0 || tf >= 1) {
        throw new PromqlEvalException(
            "invalid trend factor. Expected: 0 < tf < 1, got: "
                + String.format(Locale.ROOT, "%f", tf));
      }
    }
    boolean keepName = name.equals("last_over_time") || name.equals("first_over_time");
    List<Sample> out = new ArrayList<>();
    for (Window w0 : m.series()) {
      Window w = w0;
      if (w.histogramCount() > 0) {
        String metric = w.labels().get(Labels.METRIC_NAME);
        if (FLOAT_ONLY.contains(name)) {
          if (w.floatCount() == 0) {
            continue;
          }
          boolean tooFew =
              (name.equals("deriv")
                      || name.equals("predict_linear")
                      || name.equals("double_exponential_smoothing"))
                  && w.floatCount() < 2;
          if (!tooFew || w.floatCount() == 1) {
            ev.annotations.info(
                "ignored histograms in a range containing both floats and histograms for metric name \""
                    + metric
                    + "\"",
                matrixArg);
          }
          w = w.floats();
        } else if (HISTOGRAM_AWARE.contains(name)) {
          Sample hs = HistogramRange.apply(ev, name, w, t, matrixArg);
          if (hs != null) {
            out.add(new Sample(w.labels(), hs.value(), hs.h(), true));
          }
          continue;
        }
      }
      if (name.equals("last_over_time") || name.equals("first_over_time")) {
        int i = name.equals("last_over_time") ? w.size() - 1 : 0;
        out.add(new Sample(w.labels(), w.values()[i], w.h(i), !keepName || w.dropName()));
        continue;
      }
      double v = apply(ev, c, name, w, scalars, t, matrixArg);
      if (Double.isNaN(v) && Double.doubleToRawLongBits(v) == NO_RESULT_BITS) {
        continue;
      }
      out.add(new Sample(w.labels(), v, !keepName || w.dropName()));
      if ((name.equals("rate") || name.equals("increase"))
          && matrixArg instanceof Expr.MatrixSelector) {
        String metric = w.labels().get(Labels.METRIC_NAME);
        if (!metric.isEmpty()
            && !metric.endsWith("_total")
            && !metric.endsWith("_sum")
            && !metric.endsWith("_count")
            && !metric.endsWith("_bucket")) {
          ev.annotations.info(
              "metric might not be a counter, name does not end in _total/_sum/_count/_bucket: \""
                  + metric
                  + "\"",
              matrixArg);
        }
      }
    }
    return new Vector(out);
  }

  private static final java.util.Set<String> FLOAT_ONLY =
      java.util.Set.of(
          "min_over_time",
          "max_over_time",
          "stddev_over_time",
          "stdvar_over_time",
          "quantile_over_time",
          "mad_over_time",
          "ts_of_min_over_time",
          "ts_of_max_over_time",
          "deriv",
          "predict_linear",
          "double_exponential_smoothing");
  private static final java.util.Set<String> HISTOGRAM_AWARE =
      java.util.Set.of(
          "rate",
          "increase",
          "delta",
          "irate",
          "idelta",
          "sum_over_time",
          "avg_over_time",
          "changes",
          "resets");

  private static final java.util.Set<String> ANCHORED_SAFE =
      java.util.Set.of("changes", "delta", "increase", "rate", "resets");
  private static final java.util.Set<String> SMOOTHED_SAFE =
      java.util.Set.of("delta", "increase", "rate");

  /** rate/increase/delta over anchored or smoothed selectors; null to evaluate as usual. */
  private static Value extended(Evaluator ev, Expr.Call c, Expr.MatrixSelector ms, long t) {
    String name = c.function().name();
    boolean anchored = ms.selector().extension() == Expr.Extension.ANCHORED;
    java.util.Set<String> safe = anchored ? ANCHORED_SAFE : SMOOTHED_SAFE;
    if (!safe.contains(name)) {
      throw new PromqlEvalException(
          (anchored ? "anchored" : "smoothed")
              + " modifier can only be used with: "
              + String.join(", ", new java.util.TreeSet<>(safe))
              + " - not with "
              + name);
    }
    if (name.equals("changes") || name.equals("resets")) {
      return null;
    }
    List<Sample> out = new ArrayList<>();
    for (Window w : ExtendedSelectors.rawWindows(ev, ms, t)) {
      Double v =
          ExtendedSelectors.extendedRate(ev, ms, w, t, !name.equals("delta"), name.equals("rate"));
      if (v != null) {
        out.add(new Sample(w.labels(), v, true));
      }
    }
    return new Vector(out);
  }

  static Expr unwrap(Expr e) {
    Expr x = e;
    while (x instanceof Expr.Paren p) {
      x = p.expr();
    }
    return x;
  }

  /** A NaN with its own payload: "this series gives no output", distinct from a NaN result. */
  private static final long NO_RESULT_BITS = 0x7ff8dead00000001L;

  private static final double NO_RESULT = Double.longBitsToDouble(NO_RESULT_BITS);

  private static double apply(
      Evaluator ev, Expr.Call c, String name, Window w, double[] scalars, long t, Expr arg) {
    double[] v = w.values();
    long[] ts = w.timestamps();
    int n = v.length;
    switch (name) {
      case "rate":
        return extrapolatedRate(ev, arg, w, t, true, true);
      case "increase":
        return extrapolatedRate(ev, arg, w, t, true, false);
      case "delta":
        return extrapolatedRate(ev, arg, w, t, false, false);
      case "irate":
      case "idelta":
        {
          if (n < 2) {
            return NO_RESULT;
          }
          double last = v[n - 1];
          double prev = v[n - 2];
          long interval = ts[n - 1] - ts[n - 2];
          if (interval == 0) {
            return NO_RESULT;
          }
          boolean isRate = name.equals("irate");
          double r = isRate && last < prev ? last : last - prev;
          return isRate ? r / (interval / 1000.0) : r;
        }
      case "deriv":
        if (n < 2) {
          return NO_RESULT;
        }
        return linearRegression(ts, v, ts[0])[0];
      case "predict_linear":
        {
          if (n < 2) {
            return NO_RESULT;
          }
          double[] si = linearRegression(ts, v, t);
          return si[0] * scalars[1] + si[1];
        }
      case "double_exponential_smoothing":
        {
          if (n < 2) {
            return NO_RESULT;
          }
          double sf = scalars[1];
          double tf = scalars[2];
          double s0 = 0;
          double s1 = v[0];
          double b = v[1] - v[0];
          for (int i = 1; i < n; i++) {
            double x = sf * v[i];
            b = i - 1 == 0 ? b : tf * (s1 - s0) + (1 - tf) * b;
            double y = (1 - sf) * (s1 + b);
            s0 = s1;
            s1 = x + y;
          }
          return s1;
        }
      case "changes":
        {
          int changes = 0;
          for (int i = 1; i < n; i++) {
            if (v[i] != v[i - 1] && !(Double.isNaN(v[i]) && Double.isNaN(v[i - 1]))) {
              changes++;
            }
          }
          return changes;
        }
      case "resets":
        {
          int resets = 0;
          for (int i = 1; i < n; i++) {
            if (v[i] < v[i - 1]) {
              resets++;
            }
          }
          return resets;
        }
      case "avg_over_time":
        return avg(v);
      case "sum_over_time":
        {
          double sum = 0;
          double comp = 0;
          for (double x : v) {
            double[] r = AggregateEval.kahanInc(x, sum, comp);
            sum = r[0];
            comp = r[1];
          }
          return Double.isInfinite(sum) ? sum : sum + comp;
        }
      case "count_over_time":
        return n;
      case "present_over_time":
        return 1;
      case "last_over_time":
        return v[n - 1];
      case "first_over_time":
        return v[0];
      case "ts_of_last_over_time":
        return ts[n - 1] / 1000.0;
      case "ts_of_first_over_time":
        return ts[0] / 1000.0;
      case "max_over_time":
      case "min_over_time":
      case "ts_of_max_over_time":
      case "ts_of_min_over_time":
        {
          boolean max = name.contains("max");
          double best = v[0];
          long bestT = ts[0];
          for (int i = 0; i < n; i++) {
            boolean better =
                max ? (v[i] > best || Double.isNaN(best)) : (v[i] < best || Double.isNaN(best));
            if (better) {
              best = v[i];
              bestT = ts[i];
            }
          }
          return name.startsWith("ts_of") ? bestT / 1000.0 : best;
        }
      case "stddev_over_time":
      case "stdvar_over_time":
        {
          double count = 0;
          double mean = 0;
          double cMean = 0;
          double aux = 0;
          double cAux = 0;
          for (double x : v) {
            count++;
            double delta = x - (mean + cMean);
            double[] r = AggregateEval.kahanInc(delta / count, mean, cMean);
            mean = r[0];
            cMean = r[1];
            r = AggregateEval.kahanInc(delta * (x - (mean + cMean)), aux, cAux);
            aux = r[0];
            cAux = r[1];
          }
          double variance = (aux + cAux) / count;
          return name.startsWith("stddev") ? Math.sqrt(variance) : variance;
        }
      case "quantile_over_time":
        {
          List<Double> vals = new ArrayList<>(n);
          for (double x : v) {
            vals.add(x);
          }
          return AggregateEval.quantile(scalars[0], vals);
        }
      case "mad_over_time":
        {
          List<Double> vals = new ArrayList<>(n);
          for (double x : v) {
            if (Double.isNaN(x)) {
              return Double.NaN;
            }
            vals.add(x);
          }
          double median = AggregateEval.quantile(0.5, vals);
          vals.replaceAll(x -> Math.abs(x - median));
          return AggregateEval.quantile(0.5, vals);
        }
      default:
        throw new PromqlEvalException("function \"" + name + "\" is not supported");
    }
  }

  private static double avg(double[] v) {
    double sum = v[0];
    double count = 1;
    double mean = 0;
    double kahanC = 0;
    boolean incremental = false;
    for (int i = 1; i < v.length; i++) {
      double f = v[i];
      count = i + 1;
      if (!incremental) {
        double[] r = AggregateEval.kahanInc(f, sum, kahanC);
        if (!Double.isInfinite(r[0])) {
          sum = r[0];
          kahanC = r[1];
          continue;
        }
        incremental = true;
        mean = sum / (count - 1);
        kahanC /= count - 1;
      }
      double q = (count - 1) / count;
      double[] r = AggregateEval.kahanInc(f / count, q * mean, q * kahanC);
      mean = r[0];
      kahanC = r[1];
    }
    if (incremental) {
      return mean + kahanC;
    }
    return sum / count + kahanC / count;
  }

  /** Least squares slope and intercept at {@code interceptTime} ({@code linearRegression}). */
  static double[] linearRegression(long[] ts, double[] v, long interceptTime) {
    double n = 0;
    double[] sx = {0, 0};
    double[] sy = {0, 0};
    double[] sxy = {0, 0};
    double[] sx2 = {0, 0};
    double initY = v[0];
    boolean constY = true;
    for (int i = 0; i < v.length; i++) {
      if (constY && i > 0 && v[i] != initY) {
        constY = false;
      }
      n += 1;
      double x = (ts[i] - interceptTime) / 1e3;
      sx = AggregateEval.kahanInc(x, sx[0], sx[1]);
      sy = AggregateEval.kahanInc(v[i], sy[0], sy[1]);
      sxy = AggregateEval.kahanInc(x * v[i], sxy[0], sxy[1]);
      sx2 = AggregateEval.kahanInc(x * x, sx2[0], sx2[1]);
    }
    if (constY) {
      if (Double.isInfinite(initY)) {
        return new double[] {Double.NaN, Double.NaN};
      }
      return new double[] {0, initY};
    }
    double sumX = sx[0] + sx[1];
    double sumY = sy[0] + sy[1];
    double sumXY = sxy[0] + sxy[1];
    double sumX2 = sx2[0] + sx2[1];
    double covXY = sumXY - sumX * sumY / n;
    double varX = sumX2 - sumX * sumX / n;
    double slope = covXY / varX;
    double intercept = sumY / n - slope * sumX / n;
    return new double[] {slope, intercept};
  }

  /** {@code extrapolatedRate}: rate, increase and delta with Prometheus' extrapolation. */
  static double extrapolatedRate(
      Evaluator ev, Expr arg, Window w, long t, boolean isCounter, boolean isRate) {
    double[] v = w.values();
    long[] ts = w.timestamps();
    int n = v.length;
    if (n < 2) {
      return NO_RESULT;
    }
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
    long rangeStart = rangeEnd - rangeMs;
    double result = v[n - 1] - v[0];
    if (isCounter) {
      for (int i = 1; i < n; i++) {
        if (v[i] < v[i - 1]) {
          result += v[i - 1];
        }
      }
    }
    double durationToStart = (ts[0] - rangeStart) / 1000.0;
    double durationToEnd = (rangeEnd - ts[n - 1]) / 1000.0;
    double sampledInterval = (ts[n - 1] - ts[0]) / 1000.0;
    double averageDurationBetweenSamples = sampledInterval / (n - 1);
    double extrapolationThreshold = averageDurationBetweenSamples * 1.1;
    double extrapolateToInterval = sampledInterval;
    if (durationToStart >= extrapolationThreshold) {
      durationToStart = averageDurationBetweenSamples / 2;
    }
    if (isCounter && result > 0 && v[0] >= 0) {
      double durationToZero = sampledInterval * (v[0] / result);
      if (durationToZero < durationToStart) {
        durationToStart = durationToZero;
      }
    }
    extrapolateToInterval += durationToStart;
    if (durationToEnd >= extrapolationThreshold) {
      durationToEnd = averageDurationBetweenSamples / 2;
    }
    extrapolateToInterval += durationToEnd;
    double factor = extrapolateToInterval / sampledInterval;
    if (isRate) {
      factor /= rangeMs / 1000.0;
    }
    return result * factor;
  }
}
