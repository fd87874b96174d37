package io.icegate.query.promql.eval;

import io.icegate.query.promql.eval.Value.Window;
import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers per-step samples into series, keyed by labels, in time order (primitive arrays). */
final class SeriesCollector {
  private static final class Acc {
    long[] ts = new long[16];
    double[] vs = new double[16];
    FloatHistogram[] hs;
    int n;
    boolean dropName;

    void add(long t, double v, FloatHistogram h) {
      if (n == ts.length) {
        ts = Arrays.copyOf(ts, n * 2);
        vs = Arrays.copyOf(vs, n * 2);
        if (hs != null) {
          hs = Arrays.copyOf(hs, n * 2);
        }
      }
      if (h != null && hs == null) {
        hs = new FloatHistogram[ts.length];
      }
      ts[n] = t;
      vs[n] = v;
      if (hs != null) {
        hs[n] = h;
      }
      n++;
    }
  }

  private final Map<Labels, Acc> series = new LinkedHashMap<>();

  void add(Labels labels, long t, double v, FloatHistogram h, boolean dropName) {
    Acc a = series.computeIfAbsent(labels, k -> new Acc());
    a.add(t, v, h);
    a.dropName |= dropName;
  }

  List<Window> windows() {
    List<Window> out = new ArrayList<>(series.size());
    series.forEach(
        (labels, a) ->
            out.add(
                new Window(
                    labels,
                    Arrays.copyOf(a.ts, a.n),
                    Arrays.copyOf(a.vs, a.n),
                    a.hs == null ? null : Arrays.copyOf(a.hs, a.n),
                    a.dropName)));
    return out;
  }
}
