package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.eval.Value.Sample;
import io.icegate.query.promql.eval.Value.Scalar;
import io.icegate.query.promql.eval.Value.Vector;
import io.icegate.query.promql.parse.PromqlParser;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
        Labels l = s.dropName() ? s.labels().without(Labels.METRIC_NAME) : s.labels();
        if (!seen.add(l)) {
          throw new PromqlEvalException("vector cannot contain metrics with the same labelset");
        }
        out.add(new Sample(l, s.value(), false));
      }
      v = new Vector(out);
    }
    if (v instanceof Value.Matrix m) {
      List<Value.Window> out = new ArrayList<>();
      for (Value.Window w : m.series()) {
        Labels l = w.dropName() ? w.labels().without(Labels.METRIC_NAME) : w.labels();
        out.add(new Value.Window(l, w.timestamps(), w.values(), false));
      }
      v = new Value.Matrix(out);
    }
    return new QueryResult(v, null, annotations.warnings(), annotations.infos());
  }

  /** Parses and evaluates at every step from {@code startMs} to {@code endMs} inclusive. */
  public QueryResult range(String query, long startMs, long endMs, long stepMs) {
    Expr e = PromqlParser.parse(query);
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
    Map<Labels, List<long[]>> times = new LinkedHashMap<>();
    Map<Labels, List<Double>> values = new LinkedHashMap<>();
    Map<Labels, Boolean> dropNames = new LinkedHashMap<>();
    for (long t = startMs; t <= endMs; t += stepMs) {
      Value v = ev.eval(e, t);
      if (v instanceof Scalar s) {
        append(times, values, dropNames, Labels.EMPTY, t, s.value(), false);
      } else {
        for (Sample s : ((Vector) v).samples()) {
          append(times, values, dropNames, s.labels(), t, s.value(), s.dropName());
        }
      }
      if (stepMs <= 0) {
        break;
      }
    }
    // Drop names, then merge series that became equal if their steps do not overlap.
    TreeMap<Labels, TreeMap<Long, Double>> merged = new TreeMap<>();
    for (Map.Entry<Labels, List<long[]>> en : times.entrySet()) {
      Labels l = dropNames.get(en.getKey()) ? en.getKey().without(Labels.METRIC_NAME) : en.getKey();
      TreeMap<Long, Double> points = merged.computeIfAbsent(l, k -> new TreeMap<>());
      List<Double> vs = values.get(en.getKey());
      for (int i = 0; i < en.getValue().size(); i++) {
        if (points.put(en.getValue().get(i)[0], vs.get(i)) != null) {
          throw new PromqlEvalException("vector cannot contain metrics with the same labelset");
        }
      }
    }
    List<QueryResult.RangeSeries> out = new ArrayList<>();
    merged.forEach(
        (l, points) -> {
          long[] ts = new long[points.size()];
          double[] vs = new double[points.size()];
          int i = 0;
          for (Map.Entry<Long, Double> p : points.entrySet()) {
            ts[i] = p.getKey();
            vs[i++] = p.getValue();
          }
          out.add(new QueryResult.RangeSeries(l, ts, vs));
        });
    return new QueryResult(null, out, annotations.warnings(), annotations.infos());
  }

  private static void append(
      Map<Labels, List<long[]>> times,
      Map<Labels, List<Double>> values,
      Map<Labels, Boolean> dropNames,
      Labels labels,
      long t,
      double v,
      boolean dropName) {
    times.computeIfAbsent(labels, k -> new ArrayList<>()).add(new long[] {t});
    values.computeIfAbsent(labels, k -> new ArrayList<>()).add(v);
    dropNames.merge(labels, dropName, Boolean::logicalOr);
  }
}
