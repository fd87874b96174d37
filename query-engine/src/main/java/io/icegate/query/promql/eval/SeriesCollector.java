package io.icegate.query.promql.eval;

import io.icegate.query.promql.eval.Value.Window;
import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers per-step samples into series, keyed by labels, in time order. */
final class SeriesCollector {
  private static final class Acc {
    final List<Long> ts = new ArrayList<>();
    final List<Double> vs = new ArrayList<>();
    final List<FloatHistogram> hs = new ArrayList<>();
    boolean anyHistogram;
    boolean dropName;
  }

  private final Map<Labels, Acc> series = new LinkedHashMap<>();

  void add(Labels labels, long t, double v, FloatHistogram h, boolean dropName) {
    Acc a = series.computeIfAbsent(labels, k -> new Acc());
    a.ts.add(t);
    a.vs.add(v);
    a.hs.add(h);
    a.anyHistogram |= h != null;
    a.dropName |= dropName;
  }

  List<Window> windows() {
    List<Window> out = new ArrayList<>(series.size());
    series.forEach(
        (labels, a) -> {
          int n = a.ts.size();
          long[] ts = new long[n];
          double[] vs = new double[n];
          FloatHistogram[] hs = a.anyHistogram ? new FloatHistogram[n] : null;
          for (int i = 0; i < n; i++) {
            ts[i] = a.ts.get(i);
            vs[i] = a.vs.get(i);
            if (hs != null) {
              hs[i] = a.hs.get(i);
            }
          }
          out.add(new Window(labels, ts, vs, hs, a.dropName));
        });
    return out;
  }
}
