package io.icegate.query.promql.conformance;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.conformance.EvalCommand.Expectation;
import io.icegate.query.promql.eval.PromqlEngine;
import io.icegate.query.promql.eval.QueryResult;
import io.icegate.query.promql.eval.QueryResult.RangeSeries;
import io.icegate.query.promql.eval.Value;
import io.icegate.query.promql.parse.PromqlParser;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks one eval command as promqltest's {@code execEval} does; answers the failure or null. */
final class EvalRunner {
  private static final double EPSILON = 0.000001;
  private static final Pattern CONTEXT_FUNCS = Pattern.compile("(start|end|range|step)\\(\\)");

  private final PromqlEngine engine;
  private final EvalCommand cmd;

  EvalRunner(PromqlEngine engine, EvalCommand cmd) {
    this.engine = engine;
    this.cmd = cmd;
  }

  String run() {
    Expr parsed;
    try {
      // A range eval resolves step() and range() to its own step and range.
      parsed =
          cmd.isRange
              ? PromqlParser.parse(cmd.expr, cmd.step, cmd.end - cmd.start)
              : PromqlParser.parse(cmd.expr);
    } catch (RuntimeException e) {
      if (cmd.isFail()) {
        return checkExpectedFailure(e);
      }
      return "parse error: " + e.getMessage();
    }
    if (cmd.isRange) {
      return runRange(parsed);
    }
    List<long[]> times = new ArrayList<>();
    List<Expr> exprs = new ArrayList<>();
    exprs.add(parsed);
    times.add(new long[] {cmd.evalTime});
    if (!AtRewriter.hasUnsafeFunction(parsed)) {
      Expr pinned = AtRewriter.pin(parsed, cmd.evalTime);
      long ts = cmd.evalTime;
      long[] extra =
          ts == 0 ? new long[] {-1000, -ts, 1000} : new long[] {-10 * ts, 0, ts / 5, ts, 10 * ts};
      for (long et : extra) {
        exprs.add(pinned);
        times.add(new long[] {et});
      }
    }
    for (int k = 0; k < exprs.size(); k++) {
      String r = runInstant(exprs.get(k), times.get(k)[0], k > 0);
      if (r != null) {
        return (k > 0 ? "[@-pinned at " + times.get(k)[0] + "ms] " : "") + r;
      }
    }
    return null;
  }

  private String runRange(Expr e) {
    QueryResult res;
    try {
      res = engine.range(cmd.expr, e, cmd.start, cmd.end, cmd.step);
    } catch (RuntimeException ex) {
      if (cmd.isFail()) {
        return checkExpectedFailure(ex);
      }
      return "error evaluating query: " + ex.getMessage();
    }
    if (cmd.isFail()) {
      return "expected error evaluating query but got none";
    }
    String a = checkAnnotations(res);
    if (a != null) {
      return a;
    }
    return compareMatrix(res.matrix());
  }

  private String runInstant(Expr e, long t, boolean pinned) {
    QueryResult res;
    try {
      res = engine.instant(cmd.expr, e, t);
    } catch (RuntimeException ex) {
      if (cmd.isFail()) {
        return checkExpectedFailure(ex);
      }
      return "error evaluating query: " + ex.getMessage();
    }
    if (cmd.isFail()) {
      return "expected error evaluating query but got none";
    }
    String a = checkAnnotations(res);
    if (a != null) {
      return a;
    }
    String c = compareInstant(res.value());
    if (c != null) {
      return c;
    }
    if (cmd.excludeFromRangeQuery || CONTEXT_FUNCS.matcher(cmd.expr).find()) {
      return null;
    }
    QueryResult rr;
    try {
      rr = engine.range(cmd.expr, e, t - 60_000, t + 60_000, 60_000);
    } catch (RuntimeException ex) {
      return "error evaluating query in range mode: " + ex.getMessage();
    }
    if (cmd.isOrdered()) {
      return null;
    }
    List<Value.Sample> vec = new ArrayList<>();
    for (RangeSeries s : rr.matrix()) {
      for (int i = 0; i < s.timestamps().length; i++) {
        if (s.timestamps()[i] == t) {
          vec.add(new Value.Sample(s.labels(), s.values()[i], s.h(i), false));
          break;
        }
      }
    }
    String r;
    if (res.value() instanceof Value.Scalar) {
      if (vec.isEmpty()) {
        return "range mode: no value at the evaluation time";
      }
      r = compareInstant(new Value.Scalar(vec.get(0).value()));
    } else {
      r = compareInstant(new Value.Vector(vec));
    }
    return r == null ? null : "range mode: " + r;
  }

  private String checkExpectedFailure(Throwable actual) {
    String msg = actual.getMessage();
    if (cmd.expectedFailMessage != null && !cmd.expectedFailMessage.equals(msg)) {
      return "expected error \"" + cmd.expectedFailMessage + "\" but got: " + msg;
    }
    if (cmd.expectedFailRegexp != null && !cmd.expectedFailRegexp.matcher(msg).find()) {
      return "expected error matching \"" + cmd.expectedFailRegexp + "\" but got: " + msg;
    }
    List<Expectation> fails = cmd.expects("fail");
    if (!fails.isEmpty() && !fails.get(0).matches(msg)) {
      return "expected error matching " + fails.get(0) + " but got: " + msg;
    }
    return null;
  }

  private String checkAnnotations(QueryResult res) {
    List<String> warnings = res.warnings();
    List<String> infos = res.infos();
    if (cmd.warn && warnings.isEmpty()) {
      return "expected warnings but got none";
    }
    if (cmd.info && infos.isEmpty()) {
      return "expected info annotations but got none";
    }
    String w = checkKind("warn", cmd.expects("warn"), warnings);
    if (w != null) {
      return w;
    }
    String i = checkKind("info", cmd.expects("info"), infos);
    if (i != null) {
      return i;
    }
    if (cmd.expects.containsKey("no_warn") && !warnings.isEmpty()) {
      return "unexpected warning annotations: " + warnings;
    }
    if (cmd.expects.containsKey("no_info") && !infos.isEmpty()) {
      return "unexpected info annotations: " + infos;
    }
    return null;
  }

  private static String checkKind(String kind, List<Expectation> expected, List<String> actual) {
    if (expected.isEmpty()) {
      return null;
    }
    if (actual.isEmpty()) {
      return "expected " + kind + " annotations but none were found";
    }
    for (Expectation e : expected) {
      if (actual.stream().noneMatch(e::matches)) {
        return "expected " + kind + " annotation matching " + e + " but found: " + actual;
      }
    }
    for (String a : actual) {
      if (expected.stream().noneMatch(e -> e.matches(a))) {
        return "unexpected " + kind + " annotation \"" + a + "\"";
      }
    }
    return null;
  }

  private String compareInstant(Value v) {
    if (v instanceof Value.Matrix m) {
      List<RangeSeries> rs = new ArrayList<>();
      for (Value.Window w : m.series()) {
        rs.add(new RangeSeries(w.labels(), w.timestamps(), w.values(), w.histograms()));
      }
      if (cmd.isOrdered()) {
        return "expected ordered result, but query returned a matrix";
      }
      return compareMatrix(rs);
    }
    if (v instanceof Value.Str s) {
      if (cmd.expectedString == null || !cmd.expectedString.equals(s.value())) {
        return "expected string \"" + cmd.expectedString + "\" but got \"" + s.value() + "\"";
      }
      return null;
    }
    if (v instanceof Value.Scalar s) {
      if (!cmd.expectScalar) {
        return "expected vector or matrix result, but got scalar " + s.value();
      }
      if (!almostEqual(cmd.scalar, s.value())) {
        return "expected scalar " + cmd.scalar + " but got " + s.value();
      }
      return null;
    }
    Value.Vector vec = (Value.Vector) v;
    if (cmd.expectScalar) {
      return "expected scalar result, but got vector " + describe(vec);
    }
    Set<Labels> seen = new HashSet<>();
    int pos = 0;
    for (Value.Sample s : vec.samples()) {
      pos++;
      EvalCommand.Expected exp = cmd.expected.get(s.labels());
      if (exp == null) {
        return "unexpected metric " + s.labels() + " in result, has value " + s.value();
      }
      if (cmd.isOrdered() && exp.pos() != pos) {
        return "expected metric " + s.labels() + " at position " + exp.pos() + " but was at " + pos;
      }
      Object ev0 = exp.values().isEmpty() ? null : exp.values().get(0);
      if (ev0 instanceof SeriesLine.HistogramValue hv) {
        if (s.h() == null) {
          return "expected histogram for " + s.labels() + " but got float value " + s.value();
        }
        if (!HistogramCompare.matches(hv.h(), s.h(), hv.hintSet())) {
          return "expected "
              + hv.h()
              + " for "
              + s.labels()
              + " but got "
              + s.h()
              + " "
              + s.h().hint;
        }
      } else {
        if (s.h() != null) {
          return "expected float value for " + s.labels() + " but got histogram " + s.h();
        }
        double e = ev0 == null ? Double.NaN : (Double) ev0;
        if (!almostEqual(e, s.value())) {
          return "expected " + e + " for " + s.labels() + " but got " + s.value();
        }
      }
      seen.add(s.labels());
    }
    for (Labels l : cmd.expected.keySet()) {
      if (!seen.contains(l)) {
        return "expected metric " + l + " not found";
      }
    }
    return null;
  }

  private String compareMatrix(List<RangeSeries> m) {
    if (cmd.isOrdered()) {
      return "expected ordered result, but query returned a matrix";
    }
    if (cmd.expectScalar) {
      return "expected scalar result, but got matrix";
    }
    Set<Labels> seen = new HashSet<>();
    for (RangeSeries s : m) {
      EvalCommand.Expected exp = cmd.expected.get(s.labels());
      if (exp == null) {
        return "unexpected metric " + s.labels() + " in result";
      }
      seen.add(s.labels());
      List<Long> expFt = new ArrayList<>();
      List<Double> expF = new ArrayList<>();
      List<Long> expHt = new ArrayList<>();
      List<SeriesLine.HistogramValue> expH = new ArrayList<>();
      for (int i = 0; i < exp.values().size(); i++) {
        long ts = cmd.start + i * cmd.step;
        if (ts > cmd.end) {
          return "expected "
              + exp.values().size()
              + " points for "
              + s.labels()
              + ", but query time range cannot return this many points";
        }
        Object v = exp.values().get(i);
        if (v instanceof SeriesLine.HistogramValue hv) {
          expHt.add(ts);
          expH.add(hv);
        } else if (!SeriesLine.isOmitted((Double) v)) {
          expFt.add(ts);
          expF.add((Double) v);
        }
      }
      List<Long> actFt = new ArrayList<>();
      List<Double> actF = new ArrayList<>();
      List<Long> actHt = new ArrayList<>();
      List<io.icegate.query.promql.histogram.FloatHistogram> actH = new ArrayList<>();
      for (int i = 0; i < s.timestamps().length; i++) {
        if (s.h(i) != null) {
          actHt.add(s.timestamps()[i]);
          actH.add(s.h(i));
        } else {
          actFt.add(s.timestamps()[i]);
          actF.add(s.values()[i]);
        }
      }
      if (expF.size() != actF.size() || expH.size() != actH.size()) {
        return "expected "
            + expF.size()
            + " float points and "
            + expH.size()
            + " histogram points for "
            + s.labels()
            + ", but got "
            + actF.size()
            + " and "
            + actH.size()
            + " "
            + pointsOf(s);
      }
      for (int i = 0; i < expF.size(); i++) {
        if (!expFt.get(i).equals(actFt.get(i))) {
          return "expected float value at index "
              + i
              + " for "
              + s.labels()
              + " to have timestamp "
              + expFt.get(i)
              + ", but it had "
              + actFt.get(i)
              + " "
              + pointsOf(s);
        }
        if (!almostEqual(expF.get(i), actF.get(i))) {
          return "expected float value at index "
              + i
              + " for "
              + s.labels()
              + " to be "
              + expF.get(i)
              + ", but got "
              + actF.get(i);
        }
      }
      for (int i = 0; i < expH.size(); i++) {
        if (!expHt.get(i).equals(actHt.get(i))) {
          return "expected histogram value at index "
              + i
              + " for "
              + s.labels()
              + " to have timestamp "
              + expHt.get(i)
              + ", but it had "
              + actHt.get(i);
        }
        if (!HistogramCompare.matches(expH.get(i).h(), actH.get(i), expH.get(i).hintSet())) {
          return "expected histogram value at index "
              + i
              + " for "
              + s.labels()
              + " to be "
              + expH.get(i).h()
              + ", but got "
              + actH.get(i);
        }
      }
    }
    for (Labels l : cmd.expected.keySet()) {
      if (!seen.contains(l)) {
        return "expected metric " + l + " not found";
      }
    }
    return null;
  }

  private static String pointsOf(RangeSeries s) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < s.timestamps().length && i < 20; i++) {
      sb.append(s.values()[i]).append(" @").append(s.timestamps()[i]).append(' ');
    }
    return sb.append(']').toString();
  }

  private static String describe(Value.Vector v) {
    return v.samples().toString();
  }

  static boolean almostEqual(double a, double b) {
    if (isStale(a) || isStale(b)) {
      return isStale(a) && isStale(b);
    }
    if (Double.isNaN(a) && Double.isNaN(b)) {
      return true;
    }
    if (a == b) {
      return true;
    }
    double absSum = Math.abs(a) + Math.abs(b);
    double diff = Math.abs(a - b);
    if (a == 0 || b == 0 || absSum < Double.MIN_NORMAL) {
      return diff < EPSILON * Double.MIN_NORMAL;
    }
    return diff / Math.min(absSum, Double.MAX_VALUE) < EPSILON;
  }

  private static boolean isStale(double v) {
    return io.icegate.query.promql.eval.StoredSeries.isStale(v);
  }
}
