package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.ast.Expr.Cardinality;
import io.icegate.query.promql.eval.Value.Sample;
import io.icegate.query.promql.eval.Value.Scalar;
import io.icegate.query.promql.eval.Value.Vector;
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
        default -> vectorVector(op, lv, rv, b.matching(), b.returnBool());
      };
    }
    boolean swap = l instanceof Scalar;
    Vector vec = (Vector) (swap ? r : l);
    double scalar = ((Scalar) (swap ? l : r)).value();
    List<Sample> out = new ArrayList<>();
    for (Sample s : vec.samples()) {
      double lf = swap ? scalar : s.value();
      double rf = swap ? s.value() : scalar;
      double v;
      boolean keep = true;
      if (isComparison(op)) {
        keep = compare(op, lf, rf);
        v = s.value();
        if (b.returnBool()) {
          v = keep ? 1 : 0;
          keep = true;
        }
      } else {
        v = arith(op, lf, rf);
      }
      if (keep) {
        boolean drop = s.dropName() || !isComparison(op) || b.returnBool();
        out.add(new Sample(s.labels(), v, drop));
      }
    }
    return new Vector(out);
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
      String op, Vector lhs, Vector rhs, Expr.Matching m, boolean returnBool) {
    if (lhs.samples().isEmpty() || rhs.samples().isEmpty()) {
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
    boolean arithmetic = !isComparison(op);
    for (Sample ms : many) {
      Labels sig = signature(ms.labels(), m);
      Sample os = oneSide.get(sig);
      if (os == null) {
        continue;
      }
      double lf = oneToMany ? os.value() : ms.value();
      double rf = oneToMany ? ms.value() : os.value();
      double v;
      boolean keep;
      if (isComparison(op)) {
        keep = compare(op, lf, rf);
        v = lf;
      } else {
        v = arith(op, lf, rf);
        keep = true;
      }
      if (returnBool) {
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
      if (!keep && !returnBool) {
        continue;
      }
      out.add(new Sample(metric, v, returnBool));
    }
    return new Vector(out);
  }

  private static Labels resultMetric(Labels lhs, Labels rhs, Expr.Matching m, boolean dropName) {
    Labels l = lhs;
    if (dropName) {
      l = l.without(Labels.METRIC_NAME);
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
