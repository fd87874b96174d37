package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.ast.Expr.Cardinality;
import io.icegate.query.promql.eval.Value.Sample;
import io.icegate.query.promql.eval.Value.Scalar;
import io.icegate.query.promql.eval.Value.Vector;
import io.icegate.query.promql.histogram.FloatHistogram;
import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Binary operators with Prometheus' vector matching ({@code VectorBinop} in engine.go). */
final class BinaryEval {
  private BinaryEval() {}

  static Value eval(Evaluator ev, Expr.Binary b, long t) {
    Value l = ev.eval(b.lhs(), t);
    Value r = ev.eval(b.rhs(), t);
    String op = b.op();
    if (l instanceof Scalar ls && r instanceof Scalar rs) {
      double v = arith(op, ls.value(), rs.value());
      if (isComparison(op)) {
        v = compare(op, ls.value(), rs.value()) ? 1 : 0;
      }
      return new Scalar(v);
    }
    if (l instanceof Vector lv && r instanceof Vector rv) {
      return switch (op) {
        case "and" -> and(lv, rv, b.matching());
        case "or" -> or(lv, rv, b.matching());
        case "unless" -> unless(lv, rv, b.matching());
        default -> vectorVector(ev, b, op, lv, rv, b.matching(), b.returnBool());
      };
    }
    boolean swap = l instanceof Scalar;
    Vector vec = (Vector) (swap ? r : l);
    double scalar = ((Scalar) (swap ? l : r)).value();
    List<Sample> out = new ArrayList<>();
    for (Sample s : vec.samples()) {
      double lf = swap ? scalar : s.value();
      double rf = swap ? s.value() : scalar;
      FloatHistogram lh = swap ? null : s.h();
      FloatHistogram rh = swap ? s.h() : null;
      Elem res = elem(ev, b, op, lf, rf, lh, rh);
      if (res == null) {
        continue;
      }
      double v = res.value();
      FloatHistogram h = res.h();
      boolean keep = res.keep();
      if (isComparison(op) && h == null && s.h() == null) {
        // A filter keeps the vector's own value, whichever side the vector is on.
        v = s.value();
      }
      if (b.returnBool()) {
        h = null;
        v = keep ? 1 : 0;
        keep = true;
      }
      if (keep) {
        boolean drop = s.dropName() || changesSchema(op) || b.returnBool();
        out.add(new Sample(s.labels(), v, h, drop));
      }
    }
    return new Vector(out);
  }

  /** Result of one element operation; null when the types do not combine (an info is added). */
  record Elem(double value, FloatHistogram h, boolean keep) {}

  static Elem elem(
      Evaluator ev,
      Expr.Binary b,
      String op,
      double lf,
      double rf,
      FloatHistogram lh,
      FloatHistogram rh) {
    if (lh == null && rh == null) {
      if (isTrim(op)) {
        incompatible(ev, b, op, "float", "float");
        return null;
      }
      if (isComparison(op)) {
        return new Elem(lf, null, compare(op, lf, rf));
      }
      return new Elem(arith(op, lf, rf), null, true);
    }
    if (lh == null) {
      if (op.equals("*")) {
        return new Elem(0, rh.copy().mul(lf).compact(), true);
      }
      incompatible(ev, b, op, "float", "histogram");
      return null;
    }
    if (rh == null) {
      if (op.equals("*")) {
        return new Elem(0, lh.copy().mul(rf).compact(), true);
      }
      if (op.equals("/")) {
        return new Elem(0, lh.copy().div(rf).compact(), true);
      }
      if (isTrim(op)) {
        return new Elem(0, HistogramTrim.trim(lh.copy(), rf, op.equals("</")), true);
      }
      incompatible(ev, b, op, "histogram", "float");
      return null;
    }
    switch (op) {
      case "+", "-" -> {
        try {
          FloatHistogram res = op.equals("+") ? lh.copy().add(rh) : lh.copy().sub(rh);
          String what = op.equals("+") ? "addition" : "subtraction";
          if (res.lastCollision) {
            ev.annotations.warn("conflicting counter resets during histogram " + what, b);
          }
          if (res.lastReconciled) {
            ev.annotations.info("mismatched custom buckets were reconciled during " + what, b);
          }
          if (op.equals("-")) {
            res.hint = FloatHistogram.Hint.GAUGE;
          }
          return new Elem(0, res.compact(), true);
        } catch (FloatHistogram.IncompatibleException e) {
          ev.annotations.warn(
              "incompatible bucket layout encountered for binary operator " + op, b);
          return null;
        }
      }
      case "==" -> {
        return new Elem(0, lh, lh.equalsHistogram(rh));
      }
      case "!=" -> {
        return new Elem(0, lh, !lh.equalsHistogram(rh));
      }
      default -> {
        incompatible(ev, b, op, "histogram", "histogram");
        return null;
      }
    }
  }

  private static void incompatible(Evaluator ev, Expr.Binary b, String op, String l, String r) {
    ev.annotations.info(
        "incompatible sample types encountered for binary operator \""
            + op
            + "\": "
            + l
            + " "
            + op
            + " "
            + r,
        b);
  }

  /** Operators whose result drops the metric name at once ({@code changesMetricSchema}). */
  static boolean changesSchema(String op) {
    return switch (op) {
      case "+", "-", "*", "/", "%", "^", "atan2" -> true;
      default -> false;
    };
  }

  static boolean isTrim(String op) {
    return op.equals("</") || op.equals(">/");
  }

  static boolean isComparison(String op) {
    return switch (op) {
      case "==", "!=", "<", "<=", ">", ">=" -> true;
      default -> false;
    };
  }

  static boolean compare(String op, double l, double r) {
    return switch (op) {
      case "==" -> l == r;
      case "!=" -> l != r;
      case "<" -> l < r;
      case "<=" -> l <= r;
      case ">" -> l > r;
      case ">=" -> l >= r;
      default -> throw new IllegalStateException(op);
    };
  }

  static double arith(String op, double l, double r) {
    return switch (op) {
      case "+" -> l + r;
      case "-" -> l - r;
      case "*" -> l * r;
      case "/" -> l / r;
      case "%" -> goMod(l, r);
      case "^" -> Math.pow(l, r);
      case "atan2" -> Math.atan2(l, r);
      default -> 0;
    };
  }

  /** Go's math.Mod: the sign follows the dividend, NaN for a zero divisor or infinite dividend. */
  static double goMod(double l, double r) {
    if (r == 0 || Double.isInfinite(l) || Double.isNaN(l) || Double.isNaN(r)) {
      return Double.NaN;
    }
    return l % r;
  }

  /** The labels two samples match on. */
  static Labels signature(Labels l, Expr.Matching m) {
    if (m == null) {
      return l.without(Labels.METRIC_NAME);
    }
    if (m.on()) {
      return l.keep(m.labels());
    }
    List<String> drop = new ArrayList<>(m.labels());
    drop.add(Labels.METRIC_NAME);
    return l.drop(drop);
  }

  private static Value vectorVector(
      Evaluator ev,
      Expr.Binary b,
      String op,
      Vector lhs,
      Vector rhs,
      Expr.Matching m,
      boolean returnBool) {
    boolean fills = m.fillLeft() != null || m.fillRight() != null;
    if ((lhs.samples().isEmpty() && rhs.samples().isEmpty())
        || (!fills && (lhs.samples().isEmpty() || rhs.samples().isEmpty()))) {
      return new Vector(List.of());
    }
    boolean oneToMany = m.card() == Cardinality.ONE_TO_MANY;
    List<Sample> many = oneToMany ? rhs.samples() : lhs.samples();
    List<Sample> one = oneToMany ? lhs.samples() : rhs.samples();
    Map<Labels, Sample> oneSide = new HashMap<>();
    for (Sample s : one) {
      Labels sig = signature(s.labels(), m);
      Sample prev = oneSide.put(sig, s);
      if (prev != null) {
        String a = s.labels().toString();
        String c = prev.labels().toString();
        if (a.compareTo(c) > 0) {
          String x = a;
          a = c;
          c = x;
        }
        throw new PromqlEvalException(
            "found duplicate series for the match group "
                + sig
                + " on the "
                + (oneToMany ? "left" : "right")
                + " hand-side of the operation: ["
                + a
                + ", "
                + c
                + "];many-to-many matching not allowed: matching labels must be unique on one side");
      }
    }
    Set<Labels> matchedOne = new HashSet<>();
    Map<Labels, Set<Labels>> matchedMany = new HashMap<>();
    List<Sample> out = new ArrayList<>();
    boolean arithmetic = changesSchema(op);
    for (Sample ms : many) {
      Labels sig = signature(ms.labels(), m);
      Sample os = oneSide.get(sig);
      if (os == null) {
        // Prometheus swaps the sides for group_right but not the fill values.
        Double fill = m.fillRight();
        if (fill == null) {
          continue;
        }
        os = new Sample(matchLabels(ms.labels(), m), fill, false);
      }
      double lf = oneToMany ? os.value() : ms.value();
      double rf = oneToMany ? ms.value() : os.value();
      FloatHistogram lh = oneToMany ? os.h() : ms.h();
      FloatHistogram rh = oneToMany ? ms.h() : os.h();
      Elem res = elem(ev, b, op, lf, rf, lh, rh);
      double v = res == null ? 0 : res.value();
      FloatHistogram h = res == null ? null : res.h();
      boolean keep = res != null && res.keep();
      if (returnBool) {
        h = null;
        v = keep ? 1 : 0;
      }
      Labels metric = resultMetric(ms.labels(), os.labels(), m, arithmetic);
      if (m.card() == Cardinality.ONE_TO_ONE) {
        if (!matchedOne.add(sig)) {
          throw new PromqlEvalException(
              "multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
        }
      } else {
        if (!matchedMany.computeIfAbsent(sig, k -> new HashSet<>()).add(metric)) {
          throw new PromqlEvalException(
              "multiple matches for labels: grouping labels must ensure unique matches");
        }
      }
      if (res == null || (!keep && !returnBool)) {
        continue;
      }
      out.add(new Sample(metric, v, h, returnBool));
    }
    Double fillOne = m.fillLeft();
    if (fillOne != null) {
      for (Sample os : one) {
        Labels sig = signature(os.labels(), m);
        if (matchedOne.contains(sig) || matchedMany.containsKey(sig)) {
          continue;
        }
        Sample ms = new Sample(matchLabels(os.labels(), m), fillOne, false);
        double lf = oneToMany ? os.value() : ms.value();
        double rf = oneToMany ? ms.value() : os.value();
        Elem res = elem(ev, b, op, lf, rf, oneToMany ? os.h() : null, oneToMany ? null : os.h());
        if (res == null) {
          continue;
        }
        double v = res.value();
        boolean keep = res.keep();
        if (returnBool) {
          v = keep ? 1 : 0;
        }
        if (!keep && !returnBool) {
          continue;
        }
        Labels metric = resultMetric(ms.labels(), os.labels(), m, arithmetic);
        out.add(new Sample(metric, v, returnBool ? null : res.h(), returnBool));
      }
    }
    return new Vector(out);
  }

  /** {@code labels.MatchLabels}: the matching labels only (what a filled-in sample carries). */
  static Labels matchLabels(Labels l, Expr.Matching m) {
    return signature(l, m);
  }

  private static Labels resultMetric(Labels lhs, Labels rhs, Expr.Matching m, boolean dropName) {
    Labels l = lhs;
    if (dropName) {
      l = PromqlEngine.dropReserved(l);
    }
    if (m.card() == Cardinality.ONE_TO_ONE) {
      if (m.on()) {
        l = l.keep(m.labels());
      } else {
        l = l.drop(m.labels());
      }
    }
    for (String name : m.include()) {
      String v = rhs.get(name);
      l = v.isEmpty() ? l.without(name) : l.with(name, v);
    }
    return l;
  }

  private static Value and(Vector lhs, Vector rhs, Expr.Matching m) {
    Set<Labels> sigs = new HashSet<>();
    for (Sample s : rhs.samples()) {
      sigs.add(signature(s.labels(), m));
    }
    List<Sample> out = new ArrayList<>();
    for (Sample s : lhs.samples()) {
      if (sigs.contains(signature(s.labels(), m))) {
        out.add(s);
      }
    }
    return new Vector(out);
  }

  private static Value or(Vector lhs, Vector rhs, Expr.Matching m) {
    Set<Labels> sigs = new HashSet<>();
    List<Sample> out = new ArrayList<>(lhs.samples());
    for (Sample s : lhs.samples()) {
      sigs.add(signature(s.labels(), m));
    }
    for (Sample s : rhs.samples()) {
      if (!sigs.contains(signature(s.labels(), m))) {
        out.add(s);
      }
    }
    return new Vector(out);
  }

  private static Value unless(Vector lhs, Vector rhs, Expr.Matching m) {
    Set<Labels> sigs = new HashSet<>();
    for (Sample s : rhs.samples()) {
      sigs.add(signature(s.labels(), m));
    }
    List<Sample> out = new ArrayList<>();
    for (Sample s : lhs.samples()) {
      if (!sigs.contains(signature(s.labels(), m))) {
        out.add(s);
      }
    }
    return new Vector(out);
  }

  /** Keeps insertion order; used by callers that group samples by labels. */
  static <K, V> Map<K, V> ordered() {
    return new LinkedHashMap<>();
  }
}
