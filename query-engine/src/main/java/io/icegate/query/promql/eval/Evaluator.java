package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.ast.Expr.AtKind;
import io.icegate.query.promql.eval.Value.Matrix;
import io.icegate.query.promql.eval.Value.Sample;
import io.icegate.query.promql.eval.Value.Scalar;
import io.icegate.query.promql.eval.Value.Str;
import io.icegate.query.promql.eval.Value.Vector;
import io.icegate.query.promql.eval.Value.Window;
import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a parsed query step by step with Prometheus 3 semantics: instant selectors look back
 * {@code lookbackMs} (left-open), range selectors are left-open windows, staleness markers end a
 * series, {@code offset} and {@code @} shift the reference time, subqueries evaluate their inner
 * query on a grid aligned to their step.
 */
public final class Evaluator {
  /** Prometheus' default subquery step when none is given, as its test engine sets it. */
  public static final long DEFAULT_SUBQUERY_STEP_MS = 60_000;

  private final SampleSource source;
  private final long lookbackMs;
  final long queryStartMs;
  final long queryEndMs;
  final long queryStepMs;
  final Annotations annotations;
  private final Map<Expr.VectorSelector, List<StoredSeries>> selected = new IdentityHashMap<>();
  private final Map<Expr, Value> invariant = new IdentityHashMap<>();

  Evaluator(
      SampleSource source,
      long lookbackMs,
      long queryStartMs,
      long queryEndMs,
      long queryStepMs,
      Annotations annotations) {
    this.source = source;
    this.lookbackMs = lookbackMs;
    this.queryStartMs = queryStartMs;
    this.queryEndMs = queryEndMs;
    this.queryStepMs = queryStepMs;
    this.annotations = annotations;
  }

  /** Evaluates {@code e} at time {@code t} (Unix ms). */
  public Value eval(Expr e, long t) {
    if (e instanceof Expr.NumberLiteral n) {
      return new Scalar(n.value());
    }
    if (e instanceof Expr.StringLiteral s) {
      return new Str(s.value());
    }
    if (e instanceof Expr.Paren p) {
      return eval(p.expr(), t);
    }
    if (e instanceof Expr.StepInvariant si) {
      return invariant.computeIfAbsent(si, k -> eval(si.expr(), t));
    }
    if (e instanceof Expr.VectorSelector vs) {
      return instantSelect(vs, t);
    }
    if (e instanceof Expr.MatrixSelector ms) {
      return rangeSelect(ms, t);
    }
    if (e instanceof Expr.Subquery sq) {
      return subquery(sq, t);
    }
    if (e instanceof Expr.Unary u) {
      Value v = eval(u.expr(), t);
      if (u.op().equals("+")) {
        return v;
      }
      if (v instanceof Scalar s) {
        return new Scalar(-s.value());
      }
      List<Sample> out = new ArrayList<>();
      for (Sample s : ((Vector) v).samples()) {
        out.add(
            new Sample(
                s.labels(),
                -s.value(),
                s.h() == null ? null : s.h().copyWithHint(FloatHistogram.Hint.GAUGE).mul(-1),
                true));
      }
      return new Vector(out);
    }
    if (e instanceof Expr.Binary b) {
      return BinaryEval.eval(this, b, t);
    }
    if (e instanceof Expr.Aggregate a) {
      return AggregateEval.eval(this, a, t);
    }
    if (e instanceof Expr.Call c) {
      return FunctionEval.eval(this, c, t);
    }
    throw new PromqlEvalException("unsupported expression: " + e);
  }

  long resolveAt(AtKind at, long atMs, long t) {
    return switch (at) {
      case NONE -> t;
      case TIMESTAMP -> atMs;
      case START -> queryStartMs;
      case END -> queryEndMs;
    };
  }

  long lookbackMs() {
    return lookbackMs;
  }

  List<StoredSeries> series(Expr.VectorSelector vs) {
    return selected.computeIfAbsent(
        vs, k -> source.select(vs.matchers(), Long.MIN_VALUE, Long.MAX_VALUE));
  }

  Vector instantSelect(Expr.VectorSelector vs, long t) {
    if (vs.extension() == Expr.Extension.SMOOTHED) {
      return ExtendedSelectors.smoothed(this, vs, t);
    }
    List<Sample> out = new ArrayList<>();
    for (Window w : instantSelectWithTimes(vs, t).series()) {
      out.add(new Sample(w.labels(), w.values()[0], w.h(0), false));
    }
    return new Vector(out);
  }

  /** The instant selector's samples with their own timestamps, one point per series. */
  Matrix instantSelectWithTimes(Expr.VectorSelector vs, long t) {
    long ref = resolveAt(vs.at(), vs.atMs(), t) - vs.offsetMs();
    List<Window> out = new ArrayList<>();
    for (StoredSeries s : series(vs)) {
      int i = s.lastAtOrBefore(ref);
      if (i < 0 || s.timestamps()[i] <= ref - lookbackMs) {
        continue;
      }
      double v = s.values()[i];
      if (s.h(i) == null && StoredSeries.isStale(v)) {
        continue;
      }
      FloatHistogram[] hs = s.h(i) == null ? null : new FloatHistogram[] {s.h(i)};
      out.add(new Window(s.labels(), new long[] {s.timestamps()[i]}, new double[] {v}, hs, false));
    }
    return new Matrix(out);
  }

  /** Reference time of a selector (the window's right end) at evaluation time {@code t}. */
  long refTime(Expr.VectorSelector vs, long t) {
    return resolveAt(vs.at(), vs.atMs(), t) - vs.offsetMs();
  }

  Matrix rangeSelect(Expr.MatrixSelector ms, long t) {
    if (ms.selector().extension() != Expr.Extension.NONE) {
      return ExtendedSelectors.extendedWindows(this, ms, t);
    }
    long ref = refTime(ms.selector(), t);
    long from = ref - ms.rangeMs();
    List<Window> out = new ArrayList<>();
    for (StoredSeries s : series(ms.selector())) {
      int last = s.lastAtOrBefore(ref);
      int first = s.lastAtOrBefore(from) + 1;
      if (last < first) {
        continue;
      }
      int n = 0;
      for (int i = first; i <= last; i++) {
        if (s.h(i) != null || !StoredSeries.isStale(s.values()[i])) {
          n++;
        }
      }
      if (n == 0) {
        continue;
      }
      long[] ts = new long[n];
      double[] vs = new double[n];
      FloatHistogram[] hs = s.histograms() == null ? null : new FloatHistogram[n];
      int j = 0;
      for (int i = first; i <= last; i++) {
        if (s.h(i) != null || !StoredSeries.isStale(s.values()[i])) {
          ts[j] = s.timestamps()[i];
          if (hs != null) {
            hs[j] = s.h(i);
          }
          vs[j++] = s.values()[i];
        }
      }
      out.add(new Window(s.labels(), ts, vs, hs, false));
    }
    return new Matrix(out);
  }

  Matrix subquery(Expr.Subquery sq, long t) {
    long ref = resolveAt(sq.at(), sq.atMs(), t) - sq.offsetMs();
    long step = sq.stepMs() > 0 ? sq.stepMs() : DEFAULT_SUBQUERY_STEP_MS;
    long lower = ref - sq.rangeMs();
    // First grid point after the window's (open) left end; Go's division truncates toward zero.
    long start = step * (lower / step);
    if (start <= lower) {
      start += step;
    }
    SeriesCollector c = new SeriesCollector();
    for (long ts = start; ts <= ref; ts += step) {
      Value v = eval(sq.expr(), ts);
      if (v instanceof Scalar s) {
        c.add(Labels.EMPTY, ts, s.value(), null, false);
      } else {
        for (Sample s : ((Vector) v).samples()) {
          FloatHistogram h = s.h();
          // Hints describe neighbouring stored samples, not subquery steps: forget them.
          if (h != null
              && (h.hint == FloatHistogram.Hint.NOT_COUNTER_RESET
                  || h.hint == FloatHistogram.Hint.COUNTER_RESET)) {
            h = h.copyWithHint(FloatHistogram.Hint.UNKNOWN);
          }
          c.add(s.labels(), ts, s.value(), h, s.dropName());
        }
      }
    }
    return new Matrix(c.windows());
  }
}
