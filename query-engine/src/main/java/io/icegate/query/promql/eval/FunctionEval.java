package io.icegate.query.promql.eval;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.ast.Matcher;
import io.icegate.query.promql.ast.ValueType;
import io.icegate.query.promql.eval.Value.Sample;
import io.icegate.query.promql.eval.Value.Scalar;
import io.icegate.query.promql.eval.Value.Vector;
import io.icegate.query.promql.eval.Value.Window;
import io.icegate.query.promql.parse.GoFormat;
import io.icegate.query.promql.parse.Literals;
import io.icegate.query.regex.GoRegex;
import io.icegate.query.series.Labels;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/** PromQL functions on floats, following {@code promql/functions.go}. */
final class FunctionEval {
  private FunctionEval() {}

  static Value eval(Evaluator ev, Expr.Call c, long t) {
    String name = c.function().name();
    List<Expr> args = c.args();
    switch (name) {
      case "time":
        return new Scalar(t / 1000.0);
      case "pi":
        return new Scalar(Math.PI);
      case "start":
        return new Scalar(ev.queryStartMs / 1000.0);
      case "end":
        return new Scalar(ev.queryEndMs / 1000.0);
      case "step":
        return new Scalar(ev.queryStepMs / 1000.0);
      case "range":
        return new Scalar((ev.queryEndMs - ev.queryStartMs) / 1000.0);
      case "min_of":
        return new Scalar(Math.min(scalarArg(ev, args.get(0), t), scalarArg(ev, args.get(1), t)));
      case "max_of":
        return new Scalar(Math.max(scalarArg(ev, args.get(0), t), scalarArg(ev, args.get(1), t)));
      case "scalar":
        {
          List<Sample> v =
              vectorArg(ev, args.get(0), t).stream().filter(x -> x.h() == null).toList();
          return new Scalar(v.size() == 1 ? v.get(0).value() : Double.NaN);
        }
      case "vector":
        return new Vector(List.of(new Sample(Labels.EMPTY, scalarArg(ev, args.get(0), t), false)));
      case "timestamp":
        return timestamp(ev, args.get(0), t);
      case "absent":
        {
          List<Sample> v = vectorArg(ev, args.get(0), t);
          if (!v.isEmpty()) {
            return new Vector(List.of());
          }
          return new Vector(List.of(new Sample(absentLabels(args.get(0)), 1, false)));
        }
      case "label_replace":
        return labelReplace(ev, c, t);
      case "info":
        return InfoFunction.eval(ev, c, t);
      case "label_join":
        return labelJoin(ev, c, t);
      case "sort", "sort_desc", "sort_by_label", "sort_by_label_desc":
        return sort(ev, c, t);
      case "clamp":
        return clamp(
            vectorArg(ev, args.get(0), t),
            scalarArg(ev, args.get(1), t),
            scalarArg(ev, args.get(2), t));
      case "clamp_min":
        return clamp(
            vectorArg(ev, args.get(0), t), scalarArg(ev, args.get(1), t), Double.POSITIVE_INFINITY);
      case "clamp_max":
        return clamp(
            vectorArg(ev, args.get(0), t), Double.NEGATIVE_INFINITY, scalarArg(ev, args.get(1), t));
      case "round":
        {
          double toNearest = args.size() > 1 ? scalarArg(ev, args.get(1), t) : 1;
          double inv = 1.0 / toNearest;
          return map(vectorArg(ev, args.get(0), t), f -> Math.floor(f * inv + 0.5) / inv);
        }
      case "days_in_month",
      "day_of_month",
      "day_of_week",
      "day_of_year",
      "hour",
      "minute",
      "month",
      "year":
        return date(ev, c, t);
      case "histogram_quantile",
      "histogram_quantiles",
      "histogram_fraction",
      "histogram_count",
      "histogram_sum",
      "histogram_avg",
      "histogram_stddev",
      "histogram_stdvar":
        return HistogramQuantile.eval(ev, c, t);
      default:
        break;
    }
    DoubleUnaryOperator simple = simple(name);
    if (simple != null) {
      return map(vectorArg(ev, args.get(0), t), simple);
    }
    if (c.function().argTypes().contains(ValueType.MATRIX)) {
      return RangeFunctions.eval(ev, c, t);
    }
    throw new PromqlEvalException("function \"" + name + "\" is not supported");
  }

  static double scalarArg(Evaluator ev, Expr e, long t) {
    return ((Scalar) ev.eval(e, t)).value();
  }

  static List<Sample> vectorArg(Evaluator ev, Expr e, long t) {
    return ((Vector) ev.eval(e, t)).samples();
  }

  static String stringArg(Expr e) {
    Expr x = e;
    while (x instanceof Expr.Paren p) {
      x = p.expr();
    }
    return ((Expr.StringLiteral) x).value();
  }

  private static DoubleUnaryOperator simple(String name) {
    return switch (name) {
      case "abs" -> Math::abs;
      case "ceil" -> Math::ceil;
      case "floor" -> Math::floor;
      case "exp" -> Math::exp;
      case "sqrt" -> Math::sqrt;
      case "ln" -> Math::log;
      case "log2" -> f -> Math.log(f) / Math.log(2);
      case "log10" -> Math::log10;
      case "sin" -> Math::sin;
      case "cos" -> Math::cos;
      case "tan" -> Math::tan;
      case "asin" -> Math::asin;
      case "acos" -> Math::acos;
      case "atan" -> Math::atan;
      case "sinh" -> Math::sinh;
      case "cosh" -> Math::cosh;
      case "tanh" -> Math::tanh;
      case "asinh" -> f -> Double.isInfinite(f) ? f : Math.log(f + Math.sqrt(f * f + 1));
      case "acosh" -> f -> f < 1 ? Double.NaN : Math.log(f + Math.sqrt(f * f - 1));
      case "atanh" -> f -> 0.5 * Math.log((1 + f) / (1 - f));
      case "deg" -> f -> f * 180 / Math.PI;
      case "rad" -> f -> f * Math.PI / 180;
      case "sgn" -> f -> f < 0 ? -1 : f > 0 ? 1 : f;
      default -> null;
    };
  }

  static Vector map(List<Sample> in, DoubleUnaryOperator f) {
    List<Sample> out = new ArrayList<>(in.size());
    for (Sample s : in) {
      if (s.h() == null) {
        out.add(new Sample(s.labels(), f.applyAsDouble(s.value()), true));
      }
    }
    return new Vector(out);
  }

  private static Vector clamp(List<Sample> in, double min, double max) {
    if (max < min) {
      return new Vector(List.of());
    }
    return map(in, f -> Math.max(min, Math.min(max, f)));
  }

  private static Value timestamp(Evaluator ev, Expr arg, long t) {
    Expr x = arg;
    while (x instanceof Expr.Paren p) {
      x = p.expr();
    }
    if (x instanceof Expr.VectorSelector vs) {
      // timestamp() of a selector answers the samples' own times, not the evaluation time.
      List<Sample> out = new ArrayList<>();
      for (Window w : ev.instantSelectWithTimes(vs, t).series()) {
        out.add(new Sample(w.labels(), w.timestamps()[0] / 1000.0, true));
      }
      return new Vector(out);
    }
    List<Sample> out = new ArrayList<>();
    for (Sample s : vectorArg(ev, arg, t)) {
      out.add(new Sample(s.labels(), t / 1000.0, true));
    }
    return new Vector(out);
  }

  static Labels absentLabels(Expr arg) {
    Expr x = arg;
    while (x instanceof Expr.Paren p) {
      x = p.expr();
    }
    List<Matcher> ms;
    if (x instanceof Expr.VectorSelector vs) {
      ms = vs.matchers();
    } else if (x instanceof Expr.MatrixSelector mx) {
      ms = mx.selector().matchers();
    } else {
      return Labels.EMPTY;
    }
    Labels l = Labels.EMPTY;
    Set<String> has = new HashSet<>();
    for (Matcher m : ms) {
      if (m.name().equals(Labels.METRIC_NAME)) {
        continue;
      }
      if (m.type() == Matcher.Type.EQ && !has.contains(m.name())) {
        l = l.with(m.name(), m.value());
        has.add(m.name());
      } else {
        l = l.without(m.name());
      }
    }
    return l;
  }

  static boolean isValidLabelName(String name) {
    return !name.isEmpty() && Literals.isValidUtf8(name);
  }

  private static Value labelReplace(Evaluator ev, Expr.Call c, long t) {
    String dst = stringArg(c.args().get(1));
    String repl = stringArg(c.args().get(2));
    String src = stringArg(c.args().get(3));
    String regex = stringArg(c.args().get(4));
    GoRegex p;
    try {
      p = GoRegex.fullMatch(regex);
    } catch (IllegalArgumentException e) {
      throw new PromqlEvalException("invalid regular expression in label_replace(): " + regex);
    }
    if (!isValidLabelName(dst)) {
      throw new PromqlEvalException("invalid destination label name in label_replace(): " + dst);
    }
    List<Sample> out = new ArrayList<>();
    for (Sample s : vectorArg(ev, c.args().get(0), t)) {
      com.google.re2j.Matcher m = p.matcher(s.labels().get(src));
      if (m.find()) {
        String res = p.expand(m, repl);
        boolean drop = dst.equals(Labels.METRIC_NAME) ? false : s.dropName();
        out.add(new Sample(s.labels().with(dst, res), s.value(), s.h(), drop));
      } else {
        out.add(s);
      }
    }
    checkUnique(out);
    return new Vector(out);
  }

  private static Value labelJoin(Evaluator ev, Expr.Call c, long t) {
    String dst = stringArg(c.args().get(1));
    String sep = stringArg(c.args().get(2));
    List<String> srcs = new ArrayList<>();
    for (int i = 3; i < c.args().size(); i++) {
      String src = stringArg(c.args().get(i));
      if (!isValidLabelName(src)) {
        throw new PromqlEvalException("invalid source label name in label_join(): " + src);
      }
      srcs.add(src);
    }
    if (!isValidLabelName(dst)) {
      throw new PromqlEvalException("invalid destination label name in label_join(): " + dst);
    }
    List<Sample> out = new ArrayList<>();
    for (Sample s : vectorArg(ev, c.args().get(0), t)) {
      List<String> vals = new ArrayList<>();
      for (String src : srcs) {
        vals.add(s.labels().get(src));
      }
      boolean drop = dst.equals(Labels.METRIC_NAME) ? false : s.dropName();
      out.add(new Sample(s.labels().with(dst, String.join(sep, vals)), s.value(), s.h(), drop));
    }
    checkUnique(out);
    return new Vector(out);
  }

  static void checkUnique(List<Sample> samples) {
    Set<Labels> seen = new HashSet<>();
    for (Sample s : samples) {
      if (!seen.add(s.labels())) {
        throw new PromqlEvalException("vector cannot contain metrics with the same labelset");
      }
    }
  }

  private static Value sort(Evaluator ev, Expr.Call c, long t) {
    String name = c.function().name();
    if (ev.queryStartMs != ev.queryEndMs) {
      ev.annotations.warn(
          "sort is ineffective for range queries since results are always ordered by labels", c);
    }
    List<Sample> in = new ArrayList<>(vectorArg(ev, c.args().get(0), t));
    if (name.equals("sort") || name.equals("sort_desc")) {
      in.removeIf(x -> x.h() != null);
    }
    switch (name) {
      case "sort" -> in.sort((a, b) -> compareAscNanLast(a.value(), b.value()));
      case "sort_desc" -> in.sort((a, b) -> compareDescNanLast(a.value(), b.value()));
      default -> {
        List<String> labels = new ArrayList<>();
        for (int i = 1; i < c.args().size(); i++) {
          labels.add(stringArg(c.args().get(i)));
        }
        boolean desc = name.endsWith("_desc");
        in.sort(
            (a, b) -> {
              for (String l : labels) {
                String x = a.labels().get(l);
                String y = b.labels().get(l);
                if (x.equals(y)) {
                  continue;
                }
                int r = NaturalOrder.compare(x, y);
                return desc ? -r : r;
              }
              int r = a.labels().compareTo(b.labels());
              return desc ? -r : r;
            });
      }
    }
    return new Vector(in);
  }

  private static int compareAscNanLast(double a, double b) {
    if (Double.isNaN(a)) {
      return Double.isNaN(b) ? 0 : 1;
    }
    if (Double.isNaN(b)) {
      return -1;
    }
    return Double.compare(a, b);
  }

  private static int compareDescNanLast(double a, double b) {
    if (Double.isNaN(a)) {
      return Double.isNaN(b) ? 0 : 1;
    }
    if (Double.isNaN(b)) {
      return -1;
    }
    return Double.compare(b, a);
  }

  private static Value date(Evaluator ev, Expr.Call c, long t) {
    String name = c.function().name();
    if (c.args().isEmpty()) {
      return new Vector(
          List.of(new Sample(Labels.EMPTY, dateField(name, Math.floorDiv(t, 1000)), false)));
    }
    List<Sample> out = new ArrayList<>();
    for (Sample s : vectorArg(ev, c.args().get(0), t)) {
      if (s.h() != null) {
        continue;
      }
      double f = s.value();
      double v;
      if (Double.isNaN(f) || Double.isInfinite(f)) {
        v = dateField(name, (long) f);
      } else {
        v = dateField(name, (long) f);
      }
      out.add(new Sample(s.labels(), v, true));
    }
    return new Vector(out);
  }

  private static double dateField(String name, long epochSeconds) {
    ZonedDateTime d = Instant.ofEpochSecond(epochSeconds).atZone(ZoneOffset.UTC);
    return switch (name) {
      case "days_in_month" -> d.toLocalDate().lengthOfMonth();
      case "day_of_month" -> d.getDayOfMonth();
      case "day_of_week" -> d.getDayOfWeek().getValue() % 7;
      case "day_of_year" -> d.getDayOfYear();
      case "hour" -> d.getHour();
      case "minute" -> d.getMinute();
      case "month" -> d.getMonthValue();
      case "year" -> d.getYear();
      default -> Double.NaN;
    };
  }

  static String formatG(double v) {
    return GoFormat.g(v);
  }
}
