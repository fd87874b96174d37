package io.icegate.query.promql.ast;

import java.util.List;

/**
 * A PromQL expression as Prometheus' parser builds it ({@code promql/parser/ast.go}). Every node
 * knows where it starts in the query text, so errors and annotations can point at it.
 */
public sealed interface Expr
    permits Expr.NumberLiteral,
        Expr.StringLiteral,
        Expr.VectorSelector,
        Expr.MatrixSelector,
        Expr.Subquery,
        Expr.Call,
        Expr.Aggregate,
        Expr.Binary,
        Expr.Unary,
        Expr.Paren,
        Expr.StepInvariant {

  /** Offset of the node's first character in the query. */
  int pos();

  /** Offset just past the node's last character in the query. */
  int end();

  ValueType type();

  /** {@code @} modifier: a fixed timestamp, or the query's start or end. */
  enum AtKind {
    NONE,
    TIMESTAMP,
    START,
    END
  }

  record NumberLiteral(double value, int pos, int end) implements Expr {
    @Override
    public ValueType type() {
      return ValueType.SCALAR;
    }
  }

  record StringLiteral(String value, int pos, int end) implements Expr {
    @Override
    public ValueType type() {
      return ValueType.STRING;
    }
  }

  /**
   * An instant vector selector. {@code offsetMs} and the {@code @} modifier also serve the range
   * selector around it, as in Prometheus.
   */
  record VectorSelector(
      String name,
      List<Matcher> matchers,
      long offsetMs,
      AtKind at,
      long atMs,
      int pos,
      int end,
      Extension extension)
      implements Expr {
    public VectorSelector {
      matchers = List.copyOf(matchers);
    }

    public VectorSelector(
        String name,
        List<Matcher> matchers,
        long offsetMs,
        AtKind at,
        long atMs,
        int pos,
        int end) {
      this(name, matchers, offsetMs, at, atMs, pos, end, Extension.NONE);
    }

    public VectorSelector withModifiers(long newOffsetMs, AtKind newAt, long newAtMs, int newEnd) {
      return new VectorSelector(
          name, matchers, newOffsetMs, newAt, newAtMs, pos, newEnd, extension);
    }

    public VectorSelector withExtension(Extension e, int newEnd) {
      return new VectorSelector(name, matchers, offsetMs, at, atMs, pos, newEnd, e);
    }

    @Override
    public ValueType type() {
      return ValueType.VECTOR;
    }
  }

  /** Prometheus' experimental {@code anchored} and {@code smoothed} selector modifiers. */
  enum Extension {
    NONE,
    ANCHORED,
    SMOOTHED
  }

  record MatrixSelector(VectorSelector selector, long rangeMs, int end) implements Expr {
    @Override
    public int pos() {
      return selector.pos();
    }

    @Override
    public ValueType type() {
      return ValueType.MATRIX;
    }
  }

  record Subquery(
      Expr expr, long rangeMs, long stepMs, long offsetMs, AtKind at, long atMs, int end)
      implements Expr {
    @Override
    public int pos() {
      return expr.pos();
    }

    @Override
    public ValueType type() {
      return ValueType.MATRIX;
    }
  }

  record Call(FunctionSpec function, List<Expr> args, int pos, int end) implements Expr {
    public Call {
      args = List.copyOf(args);
    }

    @Override
    public ValueType type() {
      return function.returnType();
    }
  }

  record Aggregate(
      String op, Expr expr, Expr param, List<String> grouping, boolean without, int pos, int end)
      implements Expr {
    public Aggregate {
      grouping = List.copyOf(grouping);
    }

    @Override
    public ValueType type() {
      return ValueType.VECTOR;
    }
  }

  /** {@code matching} is null between two scalars or a scalar and a vector. */
  record Binary(String op, Expr lhs, Expr rhs, Matching matching, boolean returnBool)
      implements Expr {
    @Override
    public int pos() {
      return lhs.pos();
    }

    @Override
    public int end() {
      return rhs.end();
    }

    @Override
    public ValueType type() {
      return lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR
          ? ValueType.SCALAR
          : ValueType.VECTOR;
    }
  }

  record Unary(String op, Expr expr, int pos) implements Expr {
    @Override
    public int end() {
      return expr.end();
    }

    @Override
    public ValueType type() {
      return expr.type();
    }
  }

  record Paren(Expr expr, int pos, int end) implements Expr {
    @Override
    public ValueType type() {
      return expr.type();
    }
  }

  /** Marks a sub-tree whose value is the same at every step (evaluated once, Prometheus' way). */
  record StepInvariant(Expr expr) implements Expr {
    @Override
    public int pos() {
      return expr.pos();
    }

    @Override
    public int end() {
      return expr.end();
    }

    @Override
    public ValueType type() {
      return expr.type();
    }
  }

  /** Vector matching of a binary operator between two instant vectors. */
  /**
   * Vector matching; {@code fillLeft}/{@code fillRight} (null when absent) are the values of the
   * {@code fill} modifiers used for a side without a match.
   */
  record Matching(
      Cardinality card,
      List<String> labels,
      boolean on,
      List<String> include,
      Double fillLeft,
      Double fillRight) {
    public Matching {
      labels = List.copyOf(labels);
      include = List.copyOf(include);
    }

    public Matching(Cardinality card, List<String> labels, boolean on, List<String> include) {
      this(card, labels, on, include, null, null);
    }
  }

  enum Cardinality {
    ONE_TO_ONE,
    MANY_TO_ONE,
    ONE_TO_MANY,
    MANY_TO_MANY
  }
}
