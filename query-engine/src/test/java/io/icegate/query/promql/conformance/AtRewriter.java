package io.icegate.query.promql.conformance;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.ast.Expr.AtKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * promqltest's {@code atModifierTestCases}: pins every selector and subquery without an {@code @}
 * to the evaluation time, so the query must answer the same at other evaluation times.
 */
final class AtRewriter {
  private static final Set<String> UNSAFE =
      Set.of(
          "days_in_month",
          "day_of_month",
          "day_of_week",
          "day_of_year",
          "end",
          "hour",
          "minute",
          "month",
          "year",
          "predict_linear",
          "range",
          "start",
          "step",
          "time",
          "timestamp");

  private AtRewriter() {}

  /** Whether the query uses a function whose answer depends on the evaluation time itself. */
  static boolean hasUnsafeFunction(Expr e) {
    if (e instanceof Expr.Call c) {
      if (UNSAFE.contains(c.function().name())) {
        return true;
      }
      return c.args().stream().anyMatch(AtRewriter::hasUnsafeFunction);
    }
    return children(e).stream().anyMatch(AtRewriter::hasUnsafeFunction);
  }

  private static List<Expr> children(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.Binary b) {
      out.add(b.lhs());
      out.add(b.rhs());
    } else if (e instanceof Expr.Unary u) {
      out.add(u.expr());
    } else if (e instanceof Expr.Paren p) {
      out.add(p.expr());
    } else if (e instanceof Expr.Aggregate a) {
      out.add(a.expr());
      if (a.param() != null) {
        out.add(a.param());
      }
    } else if (e instanceof Expr.Subquery s) {
      out.add(s.expr());
    } else if (e instanceof Expr.MatrixSelector m) {
      out.add(m.selector());
    } else if (e instanceof Expr.Call c) {
      out.addAll(c.args());
    }
    return out;
  }

  static Expr pin(Expr e, long ts) {
    if (e instanceof Expr.VectorSelector vs) {
      return vs.at() == AtKind.TIMESTAMP
          ? vs
          : vs.withModifiers(vs.offsetMs(), AtKind.TIMESTAMP, ts, vs.end());
    }
    if (e instanceof Expr.MatrixSelector m) {
      return new Expr.MatrixSelector(
          (Expr.VectorSelector) pin(m.selector(), ts), m.rangeMs(), m.end());
    }
    if (e instanceof Expr.Subquery s) {
      if (s.at() == AtKind.TIMESTAMP) {
        return s; // Nodes under a subquery with @ keep their own times.
      }
      return new Expr.Subquery(
          s.expr(), s.rangeMs(), s.stepMs(), s.offsetMs(), AtKind.TIMESTAMP, ts, s.end());
    }
    if (e instanceof Expr.Binary b) {
      return new Expr.Binary(
          b.op(), pin(b.lhs(), ts), pin(b.rhs(), ts), b.matching(), b.returnBool());
    }
    if (e instanceof Expr.Unary u) {
      return new Expr.Unary(u.op(), pin(u.expr(), ts), u.pos());
    }
    if (e instanceof Expr.Paren p) {
      return new Expr.Paren(pin(p.expr(), ts), p.pos(), p.end());
    }
    if (e instanceof Expr.Aggregate a) {
      return new Expr.Aggregate(
          a.op(),
          pin(a.expr(), ts),
          a.param() == null ? null : pin(a.param(), ts),
          a.grouping(),
          a.without(),
          a.pos(),
          a.end());
    }
    if (e instanceof Expr.Call c) {
      List<Expr> args = new ArrayList<>();
      for (Expr arg : c.args()) {
        args.add(pin(arg, ts));
      }
      return new Expr.Call(c.function(), args, c.pos(), c.end());
    }
    return e;
  }
}
