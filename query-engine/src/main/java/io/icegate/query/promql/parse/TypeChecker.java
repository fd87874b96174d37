package io.icegate.query.promql.parse;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.ast.Expr.Cardinality;
import io.icegate.query.promql.ast.ValueType;
import java.util.List;
import java.util.Set;

/** Prometheus' semantic checks of a parsed query ({@code checkAST} in parse.go), same wording. */
final class TypeChecker {
  private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");
  private static final Set<String> SET_OPS = Set.of("and", "or", "unless");

  private TypeChecker() {}

  static Expr binary(
      String query,
      String op,
      Expr lhs,
      Expr rhs,
      Expr.Matching matching,
      boolean hasMatching,
      boolean returnBool,
      Token opTok) {
    ValueType lt = lhs.type();
    ValueType rt = rhs.type();
    boolean comparison = COMPARISONS.contains(op);
    boolean setOp = SET_OPS.contains(op);
    if (returnBool && !comparison) {
      throw err(query, opTok.pos(), "bool modifier can only be used on comparison operators");
    }
    if (comparison && !returnBool && lt == ValueType.SCALAR && rt == ValueType.SCALAR) {
      throw err(query, opTok.pos(), "comparisons between scalars must use BOOL modifier");
    }
    if (matching.on()) {
      for (String l : matching.labels()) {
        if (matching.include().contains(l)) {
          throw err(
              query,
              opTok.pos(),
              "label \"" + l + "\" must not occur in ON and GROUP clause at once");
        }
      }
    }
    if (lt != ValueType.SCALAR && lt != ValueType.VECTOR) {
      throw err(
          query, lhs.pos(), "binary expression must contain only scalar and instant vector types");
    }
    if (rt != ValueType.SCALAR && rt != ValueType.VECTOR) {
      throw err(
          query, rhs.pos(), "binary expression must contain only scalar and instant vector types");
    }
    Expr.Matching m = matching;
    if (lt != ValueType.VECTOR || rt != ValueType.VECTOR) {
      if ((hasMatching && !matching.labels().isEmpty())
          || matching.fillLeft() != null
          || matching.fillRight() != null) {
        throw err(query, lhs.pos(), "vector matching only allowed between instant vectors");
      }
      m = null;
    } else if (setOp) {
      if (matching.card() == Cardinality.ONE_TO_MANY
          || matching.card() == Cardinality.MANY_TO_ONE) {
        throw err(query, lhs.pos(), "no grouping allowed for \"" + op + "\" operation");
      }
    }
    if ((lt == ValueType.SCALAR || rt == ValueType.SCALAR) && setOp) {
      throw err(
          query, lhs.pos(), "set operator \"" + op + "\" not allowed in binary scalar expression");
    }
    return new Expr.Binary(op, lhs, rhs, m, returnBool);
  }

  /** Checks calls, aggregations and unary operators throughout the tree. */
  static void check(String query, Expr e) {
    if (e instanceof Expr.Call c) {
      List<ValueType> types = c.function().argTypes();
      int nargs = types.size();
      int variadic = c.function().variadic();
      String name = c.function().name();
      int got = c.args().size();
      if (variadic == 0) {
        if (nargs != got) {
          throw err(
              query,
              c.pos(),
              "expected " + nargs + " argument(s) in call to \"" + name + "\", got " + got);
        }
      } else {
        int min = nargs - 1;
        if (min > got) {
          throw err(
              query,
              c.pos(),
              "expected at least " + min + " argument(s) in call to \"" + name + "\", got " + got);
        } else if (variadic > 0 && min + variadic < got) {
          throw err(
              query,
              c.pos(),
              "expected at most "
                  + (min + variadic)
                  + " argument(s) in call to \""
                  + name
                  + "\", got "
                  + got);
        }
      }
      for (int i = 0; i < got; i++) {
        Expr arg = c.args().get(i);
        check(query, arg);
        int ti = Math.min(i, nargs - 1);
        if (i >= nargs && variadic == 0) {
          break;
        }
        expectType(query, arg, types.get(ti), "call to function \"" + name + "\"");
      }
    } else if (e instanceof Expr.Aggregate a) {
      check(query, a.expr());
      expectType(query, a.expr(), ValueType.VECTOR, "aggregation expression");
      if (a.param() != null) {
        check(query, a.param());
        ValueType want = a.op().equals("count_values") ? ValueType.STRING : ValueType.SCALAR;
        expectType(query, a.param(), want, "aggregation parameter");
      }
    } else if (e instanceof Expr.Unary u) {
      check(query, u.expr());
      if (u.expr().type() != ValueType.SCALAR && u.expr().type() != ValueType.VECTOR) {
        throw err(
            query,
            u.pos(),
            "unary expression only allowed on expressions of type scalar or instant vector, got \""
                + u.expr().type()
                + "\"");
      }
    } else if (e instanceof Expr.Binary b) {
      check(query, b.lhs());
      check(query, b.rhs());
    } else if (e instanceof Expr.Paren p) {
      check(query, p.expr());
    } else if (e instanceof Expr.Subquery s) {
      check(query, s.expr());
    }
  }

  private static void expectType(String query, Expr e, ValueType want, String context) {
    if (e.type() != want) {
      throw err(query, e.pos(), "expected type " + want + " in " + context + ", got " + e.type());
    }
  }

  private static PromqlParseException err(String query, int pos, String reason) {
    return new PromqlParseException(query, pos, reason);
  }
}
