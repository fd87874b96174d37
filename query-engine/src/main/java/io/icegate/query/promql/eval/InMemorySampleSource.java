package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Matcher;
import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Samples held in memory, for the conformance runner and the benchmark. */
public final class InMemorySampleSource implements SampleSource {
  private final Map<Labels, TreeMap<Long, Object>> data = new LinkedHashMap<>();
  private List<StoredSeries> frozen;

  /** Adds (or overwrites) a sample. */
  public void add(Labels labels, long timestampMs, double value) {
    data.computeIfAbsent(labels, l -> new TreeMap<>()).put(timestampMs, value);
    frozen = null;
  }

  /** Adds (or overwrites) a native histogram sample. */
  public void add(Labels labels, long timestampMs, FloatHistogram h) {
    data.computeIfAbsent(labels, l -> new TreeMap<>()).put(timestampMs, h);
    frozen = null;
  }

  public void clear() {
    data.clear();
    frozen = null;
  }

  private List<StoredSeries> all() {
    if (frozen == null) {
      List<StoredSeries> out = new ArrayList<>(data.size());
      data.forEach(
          (labels, points) -> {
            long[] ts = new long[points.size()];
            double[] vs = new double[points.size()];
            FloatHistogram[] hs = null;
            int i = 0;
            for (Map.Entry<Long, Object> e : points.entrySet()) {
              ts[i] = e.getKey();
              if (e.getValue() instanceof FloatHistogram h) {
                if (hs == null) {
                  hs = new FloatHistogram[points.size()];
                }
                hs[i] = h;
              } else {
                vs[i] = (Double) e.getValue();
              }
              i++;
            }
            out.add(new StoredSeries(labels, ts, vs, hs));
          });
      frozen = out;
    }
    return frozen;
  }

  @Override
  public List<StoredSeries> select(List<Matcher> matchers, long minTimeMs, long maxTimeMs) {
    List<StoredSeries> out = new ArrayList<>();
    for (StoredSeries s : all()) {
      boolean ok = true;
      for (Matcher m : matchers) {
        if (!m.matches(s.labels().get(m.name()))) {
          ok = false;
          break;
        }
      }
      if (ok) {
        out.add(s);
      }
    }
    return out;
  }
}
