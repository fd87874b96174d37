package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.eval.Value.Sample;
import io.icegate.query.promql.eval.Value.Scalar;
import io.icegate.query.promql.eval.Value.Vector;
import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.promql.parse.PromqlParser;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs PromQL queries against a {@link SampleSource}: instant queries at one time, range queries at
 * every step, with names dropped and duplicates checked at the end as Prometheus 3 does with
 * delayed name removal.
 */
public final class PromqlEngine {
  public static final long DEFAULT_LOOKBACK_MS = 5 * 60_000;

  private final SampleSource source;
  private final long lookbackMs;

  public PromqlEngine(SampleSource source, long lookbackMs) {
    this.source = source;
    this.lookbackMs = lookbackMs;
  }

  public PromqlEngine(SampleSource source) {
    this(source, DEFAULT_LOOKBACK_MS);
  }

  /** Parses and evaluates at {@code timeMs}. Throws the parse or evaluation error. */
  public QueryResult instant(String query, long timeMs) {
    Expr e = PromqlParser.parse(query);
    return instant(query, e, timeMs);
  }

  public QueryResult instant(String query, Expr e, long timeMs) {
    Annotations annotations = new Annotations(query);
    Evaluator ev = new Evaluator(source, lookbackMs, timeMs, timeMs, 0, annotations);
    Value v = ev.eval(e, timeMs);
    if (v instanceof Vector vec) {
      List<Sample> out = new ArrayList<>(vec.samples().size());
      Set<Labels> seen = new HashSet<>();
      for (Sample s : vec.samples()) {
        Labels l = s.dropName() ? dropReserved(s.labels()) : s.labels();
        if (!seen.add(l)) {
          throw new PromqlEvalException("vector cannot contain metrics with the same labelset");
        }
        out.add(new Sample(l, s.value(), s.h(), false));
      }
      v = new Vector(out);
    }
    if (v instanceof Value.Matrix m) {
      List<Value.Window> out = new ArrayList<>();
      for (Value.Window w : m.series()) {
        Labels l = w.dropName() ? dropReserved(w.labels()) : w.labels();
        out.add(new Value.Window(l, w.timestamps(), w.values(), w.histograms(), false));
      }
      v = new Value.Matrix(out);
    }
    return new QueryResult(v, null, annotations.warnings(), annotations.infos());
  }

  /** Parses and evaluates at every step from {@code startMs} to {@code endMs} inclusive. */
  public QueryResult range(String query, long startMs, long endMs, long stepMs) {
    Expr e = PromqlParser.parse(query, stepMs, endMs - startMs);
    return range(query, e, startMs, endMs, stepMs);
  }

  public QueryResult range(String query, Expr e, long startMs, long endMs, long stepMs) {
    if (e.type() != io.icegate.query.promql.ast.ValueType.SCALAR
        && e.type() != io.icegate.query.promql.ast.ValueType.VECTOR) {
      throw new PromqlEvalException(
          "invalid expression type \""
              + e.type()
              + "\" for range query, must be Scalar or instant Vector");
    }
    Annotations annotations = new Annotations(query);
    Evaluator ev = new Evaluator(source, lookbackMs, startMs, endMs, stepMs, annotations);
    SeriesCollector c = new SeriesCollector();
    for (long t = startMs; t <= endMs; t += stepMs) {
      Value v = ev.eval(e, t);
      if (v instanceof Scalar s) {
        c.add(Labels.EMPTY, t, s.value(), null, false);
      } else {
        for (Sample s : ((Vector) v).samples()) {
          c.add(s.labels(), t, s.value(), s.h(), s.dropName());
        }
      }
      if (stepMs <= 0) {
        break;
      }
    }
    List<Value.Window> windows = c.windows();
    // Common case: names dropped, no two series collide; keep the arrays as they are.
    java.util.Map<Labels, Value.Window> finals = new java.util.HashMap<>();
    boolean collide = false;
    for (Value.Window w : windows) {
      Labels l = w.dropName() ? dropReserved(w.labels()) : w.labels();
      if (finals.put(l, w) != null) {
        collide = true;
        break;
      }
    }
    if (!collide) {
      List<QueryResult.RangeSeries> out = new ArrayList<>(finals.size());
      finals.forEach(
          (l, w) ->
              out.add(new QueryResult.RangeSeries(l, w.timestamps(), w.values(), w.histograms())));
      out.sort((a, b) -> a.labels().compareTo(b.labels()));
      return new QueryResult(null, out, annotations.warnings(), annotations.infos());
    }
    // Drop names, then merge series that became equal if their steps do not overlap.
    TreeMap<Labels, TreeMap<Long, Object>> merged = new TreeMap<>();
    for (Value.Window w : windows) {
      Labels l = w.dropName() ? dropReserved(w.labels()) : w.labels();
      TreeMap<Long, Object> points = merged.computeIfAbsent(l, k -> new TreeMap<>());
      for (int i = 0; i < w.size(); i++) {
        Object val = w.h(i) != null ? w.h(i) : (Object) w.values()[i];
        if (points.put(w.timestamps()[i], val) != null) {
          throw new PromqlEvalException("vector cannot contain metrics with the same labelset");
        }
      }
    }
    List<QueryResult.RangeSeries> out = new ArrayList<>();
    merged.forEach(
        (l, points) -> {
          long[] ts = new long[points.size()];
          double[] vs = new double[points.size()];
          FloatHistogram[] hs = new FloatHistogram[points.size()];
          int i = 0;
          for (Map.Entry<Long, Object> p : points.entrySet()) {
            ts[i] = p.getKey();
            if (p.getValue() instanceof FloatHistogram h) {
              hs[i] = h;
            } else {
              vs[i] = (Double) p.getValue();
            }
            i++;
          }
          out.add(new QueryResult.RangeSeries(l, ts, vs, hs));
        });
    return new QueryResult(null, out, annotations.warnings(), annotations.infos());
  }

  /**
   * Drops the metric name and the metadata labels that go with it ({@code __type__}, {@code
   * __unit__}), as Prometheus' {@code DropReserved(schema.IsMetadataLabel)}.
   */
  static Labels dropReserved(Labels l) {
    return l.without(Labels.METRIC_NAME).without("__type__").without("__unit__");
  }
}
