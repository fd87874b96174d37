package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.eval.Value.Matrix;
import io.icegate.query.promql.eval.Value.Sample;
import io.icegate.query.promql.eval.Value.Vector;
import io.icegate.query.promql.eval.Value.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * Prometheus' experimental {@code anchored} and {@code smoothed} selectors: windows reaching one
 * lookback delta beyond the range, with values picked or interpolated at the range boundaries
 * ({@code extendFloats}, {@code extendedRate}, {@code smoothSeries} in engine.go/functions.go).
 */
final class ExtendedSelectors {
  private ExtendedSelectors() {}

  /** Raw float samples of a series in {@code (mint, maxt]}, staleness markers dropped. */
  private static Window raw(StoredSeries s, long mint, long maxt) {
    int first = s.lastAtOrBefore(mint) + 1;
    int last = s.lastAtOrBefore(maxt);
    List<long[]> ts = new ArrayList<>();
    List<Double> vs = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      if (s.h(i) != null) {
        throw new PromqlEvalException("extended range selectors are not supported with histograms");
      }
      if (!StoredSeries.isStale(s.values()[i])) {
        ts.add(new long[] {s.timestamps()[i]});
        vs.add(s.values()[i]);
      }
    }
    long[] t = new long[ts.size()];
    double[] v = new double[ts.size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = ts.get(i)[0];
      v[i] = vs.get(i);
    }
    return new Window(s.labels(), t, v, false);
  }

  /** The raw samples an anchored/smoothed range selector reads at {@code t}. */
  static List<Window> rawWindows(Evaluator ev, Expr.MatrixSelector ms, long t) {
    Expr.VectorSelector vs = ms.selector();
    long maxt = ev.refTime(vs, t);
    long mint = maxt - ms.rangeMs() - ev.lookbackMs();
    if (vs.extension() == Expr.Extension.SMOOTHED) {
      maxt += ev.lookbackMs();
    }
    List<Window> out = new ArrayList<>();
    for (StoredSeries s : ev.series(vs)) {
      Window w = raw(s, mint, maxt);
      if (w.size() > 0) {
        out.add(w);
      }
    }
    return out;
  }

  /** {@code extendFloats}: the window with values placed exactly at both range boundaries. */
  static Matrix extendedWindows(Evaluator ev, Expr.MatrixSelector ms, long t) {
    long rangeEnd = ev.refTime(ms.selector(), t);
    long rangeStart = rangeEnd - ms.rangeMs();
    boolean smoothed = ms.selector().extension() == Expr.Extension.SMOOTHED;
    List<Window> out = new ArrayList<>();
    for (Window w : rawWindows(ev, ms, t)) {
      long[] f = w.timestamps();
      double[] v = w.values();
      int last = f.length - 1;
      int first = Math.max(0, searchAfter(f, last, rangeStart) - 1);
      if (smoothed) {
        last = searchAtOrAfter(f, last, rangeEnd);
      }
      if (f[last] <= rangeStart) {
        continue;
      }
      double left = pickLeft(f, v, first, rangeStart, smoothed, false);
      double right = pickRight(f, v, last, rangeEnd, smoothed, false);
      if (f[first] <= rangeStart) {
        first++;
      }
      if (f[last] >= rangeEnd) {
        last--;
      }
      int count = Math.max(last - first + 1, 0);
      long[] ts = new long[count + 2];
      double[] vs = new double[count + 2];
      ts[0] = rangeStart;
      vs[0] = left;
      for (int i = 0; i < count; i++) {
        ts[i + 1] = f[first + i];
        vs[i + 1] = v[first + i];
      }
      ts[count + 1] = rangeEnd;
      vs[count + 1] = right;
      out.add(new Window(w.labels(), ts, vs, false));
    }
    return new Matrix(out);
  }

  /** {@code extendedRate}: rate, increase and delta over anchored or smoothed ranges. */
  static Double extendedRate(
      Evaluator ev, Expr.MatrixSelector ms, Window w, long t, boolean isCounter, boolean isRate) {
    long rangeEnd = ev.refTime(ms.selector(), t);
    long rangeStart = rangeEnd - ms.rangeMs();
    boolean smoothed = ms.selector().extension() == Expr.Extension.SMOOTHED;
    long[] f = w.timestamps();
    double[] v = w.values();
    int last = f.length - 1;
    int first = Math.max(0, searchAfter(f, last, rangeStart) - 1);
    if (smoothed) {
      last = searchAtOrAfter(f, last, rangeEnd);
    }
    if (f[last] <= rangeStart) {
      return null;
    }
    if (smoothed && f[first] > rangeEnd) {
      return null;
    }
    double left = pickLeft(f, v, first, rangeStart, smoothed, isCounter);
    double right = pickRight(f, v, last, rangeEnd, smoothed, isCounter);
    double result = right - left;
    if (isCounter) {
      if (f[first] <= rangeStart) {
        first++;
      }
      if (f[last] >= rangeEnd) {
        last--;
      }
      double correction = 0;
      double prev = left;
      for (int i = first; i <= last; i++) {
        if (v[i] < prev) {
          correction += prev;
        }
        prev = v[i];
      }
      if (right < prev) {
        correction += prev;
      }
      result += correction;
    }
    if (isRate) {
      result /= ms.rangeMs() / 1000.0;
    }
    return result;
  }

  /** {@code smoothSeries} at one step: the value at the reference time, interpolated. */
  static Vector smoothed(Evaluator ev, Expr.VectorSelector vs, long t) {
    long ref = ev.refTime(vs, t);
    List<Sample> out = new ArrayList<>();
    for (StoredSeries s : ev.series(vs)) {
      Window w = raw(s, ref - ev.lookbackMs(), ref + ev.lookbackMs());
      if (w.size() == 0) {
        continue;
      }
      long[] f = w.timestamps();
      double[] v = w.values();
      int i = 0;
      while (i < f.length && f[i] < ref) {
        i++;
      }
      if (i < f.length && f[i] == ref) {
        out.add(new Sample(s.labels(), v[i], false));
      } else if (i > 0 && i < f.length) {
        out.add(
            new Sample(s.labels(), interpolate(f[i - 1], v[i - 1], f[i], v[i], ref, false), false));
      } else if (i > 0) {
        out.add(new Sample(s.labels(), v[i - 1], false));
      }
    }
    return new Vector(out);
  }

  /** sort.Search(n, f[i] > x). */
  private static int searchAfter(long[] f, int n, long x) {
    int i = 0;
    while (i < n && !(f[i] > x)) {
      i++;
    }
    return i;
  }

  /** sort.Search(n, f[i] >= x). */
  private static int searchAtOrAfter(long[] f, int n, long x) {
    int i = 0;
    while (i < n && !(f[i] >= x)) {
      i++;
    }
    return i;
  }

  private static double pickLeft(
      long[] f, double[] v, int first, long rangeStart, boolean smoothed, boolean counter) {
    if (smoothed && f[first] < rangeStart && first + 1 < f.length) {
      return interpolate(f[first], v[first], f[first + 1], v[first + 1], rangeStart, counter);
    }
    return v[first];
  }

  private static double pickRight(
      long[] f, double[] v, int last, long rangeEnd, boolean smoothed, boolean counter) {
    if (smoothed && last > 0 && f[last] > rangeEnd) {
      return interpolate(f[last - 1], v[last - 1], f[last], v[last], rangeEnd, counter);
    }
    return v[last];
  }

  private static double interpolate(
      long t1, double y1, long t2, double y2, long t, boolean counter) {
    if (counter && y2 < y1) {
      y1 = 0;
    }
    return y1 + (y2 - y1) * (t - t1) / (double) (t2 - t1);
  }
}
