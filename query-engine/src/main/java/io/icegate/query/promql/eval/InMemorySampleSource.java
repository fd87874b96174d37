package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Matcher;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Samples held in memory, for the conformance runner and the benchmark. */
public final class InMemorySampleSource implements SampleSource {
  private final Map<Labels, TreeMap<Long, Double>> data = new LinkedHashMap<>();
  private List<StoredSeries> frozen;

  /** Adds (or overwrites) a sample. */
  public void add(Labels labels, long timestampMs, double value) {
    data.computeIfAbsent(labels, l -> new TreeMap<>()).put(timestampMs, value);
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
            int i = 0;
            for (Map.Entry<Long, Double> e : points.entrySet()) {
              ts[i] = e.getKey();
              vs[i++] = e.getValue();
            }
            out.add(new StoredSeries(labels, ts, vs));
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
