package io.icegate.query.promql.conformance;

import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code load_with_nhcb}: classic {@code _bucket}/{@code _count}/{@code _sum} series also stored as
 * native histograms with custom buckets, as promqltest's {@code appendCustomHistogram} does.
 */
final class NhcbConverter {
  private NhcbConverter() {}

  private static final class Temp {
    final TreeMap<Double, Double> buckets = new TreeMap<>();
    Double count;
    double sum;
  }

  static Map<Labels, TreeMap<Long, FloatHistogram>> convert(List<SeriesLine> loaded, long gap) {
    Map<Labels, Map<Long, Temp>> temps = new LinkedHashMap<>();
    for (SeriesLine s : loaded) {
      String name = s.labels().get(Labels.METRIC_NAME);
      String base;
      int kind;
      if (name.endsWith("_bucket")) {
        base = name.substring(0, name.length() - 7);
        kind = 0;
      } else if (name.endsWith("_count")) {
        base = name.substring(0, name.length() - 6);
        kind = 1;
      } else if (name.endsWith("_sum")) {
        base = name.substring(0, name.length() - 4);
        kind = 2;
      } else {
        continue;
      }
      double le = 0;
      if (kind == 0) {
        try {
          le = io.icegate.query.promql.parse.Literals.parseNumber(s.labels().get("le"));
        } catch (RuntimeException e) {
          continue;
        }
        if (Double.isNaN(le)) {
          continue;
        }
      }
      Labels key = s.labels().without("le").with(Labels.METRIC_NAME, base);
      Map<Long, Temp> byTime = temps.computeIfAbsent(key, k -> new HashMap<>());
      long t = 0;
      for (Object v : s.values()) {
        if (v instanceof Double d && !SeriesLine.isOmitted(d)) {
          Temp tmp = byTime.computeIfAbsent(t, k -> new Temp());
          switch (kind) {
            case 0 -> tmp.buckets.put(le, d);
            case 1 -> tmp.count = d;
            default -> tmp.sum = d;
          }
        }
        t += gap;
      }
    }
    Map<Labels, TreeMap<Long, FloatHistogram>> out = new LinkedHashMap<>();
    temps.forEach(
        (labels, byTime) -> {
          TreeMap<Long, FloatHistogram> points = new TreeMap<>();
          byTime.forEach(
              (t, tmp) -> {
                FloatHistogram h = toHistogram(tmp);
                if (h != null) {
                  points.put(t, h);
                }
              });
          out.put(labels, points);
        });
    return out;
  }

  private static FloatHistogram toHistogram(Temp tmp) {
    double count =
        tmp.count != null
            ? tmp.count
            : tmp.buckets.isEmpty() ? 0 : tmp.buckets.lastEntry().getValue();
    TreeMap<Double, Double> b = new TreeMap<>(tmp.buckets);
    if (b.isEmpty() || b.lastKey() != Double.POSITIVE_INFINITY) {
      b.put(Double.POSITIVE_INFINITY, count);
    }
    double prev = 0;
    List<Double> bounds = new ArrayList<>();
    FloatHistogram h = new FloatHistogram();
    h.schema = FloatHistogram.CUSTOM_BUCKETS_SCHEMA;
    h.count = count;
    h.sum = tmp.sum;
    int i = 0;
    for (Map.Entry<Double, Double> e : b.entrySet()) {
      if (e.getValue() < prev) {
        return null; // Not cumulative: Prometheus refuses to convert.
      }
      h.positive.put(i++, e.getValue() - prev);
      prev = e.getValue();
      if (e.getKey() != Double.POSITIVE_INFINITY) {
        bounds.add(e.getKey());
      }
    }
    if (count != prev) {
      return null;
    }
    h.customValues = bounds.stream().mapToDouble(Double::doubleValue).toArray();
    return h;
  }
}
