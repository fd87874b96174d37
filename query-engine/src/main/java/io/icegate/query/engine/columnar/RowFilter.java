package io.icegate.query.engine.columnar;

import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.iceberg.Schema;
import org.apache.iceberg.expressions.And;
import org.apache.iceberg.expressions.Binder;
import org.apache.iceberg.expressions.BoundPredicate;
import org.apache.iceberg.expressions.BoundReference;
import org.apache.iceberg.expressions.Evaluator;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/**
 * A row filter over the filter columns of one chunk: comparisons of required long and timestamp
 * columns with literals (a query's time range) are checked as {@code [min, max]} bounds on the
 * vectors directly; every other part goes to Iceberg's {@link Evaluator}, so the semantics stay
 * Iceberg's (nulls included: only required columns take the fast path).
 */
final class RowFilter {
  private final int[] rangeColumns;
  private final long[] mins;
  private final long[] maxs;
  private final Evaluator rest;

  private RowFilter(int[] rangeColumns, long[] mins, long[] maxs, Evaluator rest) {
    this.rangeColumns = rangeColumns;
    this.mins = mins;
    this.maxs = maxs;
    this.rest = rest;
  }

  static RowFilter of(Schema table, Expression rowFilter, List<NestedField> filterFields) {
    Types.StructType struct = Types.StructType.of(filterFields);
    List<Expression> conjuncts = new ArrayList<>();
    flatten(Binder.bind(table.asStruct(), rowFilter, true), conjuncts);
    List<Integer> columns = new ArrayList<>();
    List<long[]> bounds = new ArrayList<>();
    Expression rest = Expressions.alwaysTrue();
    for (Expression conjunct : conjuncts) {
      int column = rangeColumn(conjunct, filterFields);
      if (column < 0) {
        Expression unbound = Unbinding.unbind(conjunct, null);
        if (unbound == null) {
          return new RowFilter(
              new int[0], new long[0], new long[0], new Evaluator(struct, rowFilter, true));
        }
        rest = Expressions.and(rest, unbound);
        continue;
      }
      int index = columns.indexOf(column);
      if (index < 0) {
        columns.add(column);
        bounds.add(new long[] {Long.MIN_VALUE, Long.MAX_VALUE});
        index = columns.size() - 1;
      }
      narrow(bounds.get(index), (BoundPredicate<?>) conjunct);
    }
    return new RowFilter(
        columns.stream().mapToInt(Integer::intValue).toArray(),
        bounds.stream().mapToLong(b -> b[0]).toArray(),
        bounds.stream().mapToLong(b -> b[1]).toArray(),
        rest.op() == Expression.Operation.TRUE ? null : new Evaluator(struct, rest, true));
  }

  boolean test(List<FieldVector> vectors, ArrowRowStruct row, int index) {
    for (int k = 0; k < rangeColumns.length; k++) {
      long value = longAt(vectors.get(rangeColumns[k]), index);
      if (value < mins[k] || value > maxs[k]) {
        return false;
      }
    }
    if (rest == null) {
      return true;
    }
    row.row(index);
    return rest.eval(row);
  }

  private static long longAt(FieldVector vector, int index) {
    return vector instanceof TimeStampVector time
        ? time.get(index)
        : ((BigIntVector) vector).get(index);
  }

  private static void flatten(Expression expression, List<Expression> into) {
    if (expression instanceof And and) {
      flatten(and.left(), into);
      flatten(and.right(), into);
    } else if (expression.op() != Expression.Operation.TRUE) {
      into.add(expression);
    }
  }

  /** The filter column a fast range predicate tests, or -1. */
  private static int rangeColumn(Expression expression, List<NestedField> filterFields) {
    if (!(expression instanceof BoundPredicate<?> predicate)
        || !(predicate.term() instanceof BoundReference<?> reference)
        || !predicate.isLiteralPredicate()) {
      return -1;
    }
    Type.TypeID type = reference.type().typeId();
    boolean comparison =
        switch (predicate.op()) {
          case LT, LT_EQ, GT, GT_EQ, EQ -> true;
          default -> false;
        };
    if (!comparison || (type != Type.TypeID.LONG && type != Type.TypeID.TIMESTAMP)) {
      return -1;
    }
    for (int f = 0; f < filterFields.size(); f++) {
      NestedField field = filterFields.get(f);
      if (field.fieldId() == reference.fieldId()) {
        return field.isRequired() ? f : -1;
      }
    }
    return -1;
  }

  private static void narrow(long[] bounds, BoundPredicate<?> predicate) {
    long value = ((Number) predicate.asLiteralPredicate().literal().value()).longValue();
    switch (predicate.op()) {
      case LT -> {
        if (value == Long.MIN_VALUE) {
          bounds[0] = Long.MAX_VALUE; // nothing is less: an empty range
          bounds[1] = Long.MIN_VALUE;
        } else {
          bounds[1] = Math.min(bounds[1], value - 1);
        }
      }
      case LT_EQ -> bounds[1] = Math.min(bounds[1], value);
      case GT -> {
        if (value == Long.MAX_VALUE) {
          bounds[0] = Long.MAX_VALUE; // nothing is greater: an empty range
          bounds[1] = Long.MIN_VALUE;
        } else {
          bounds[0] = Math.max(bounds[0], value + 1);
        }
      }
      case GT_EQ -> bounds[0] = Math.max(bounds[0], value);
      case EQ -> {
        bounds[0] = Math.max(bounds[0], value);
        bounds[1] = Math.min(bounds[1], value);
      }
      default -> throw new IllegalArgumentException("Not a range predicate: " + predicate);
    }
  }
}
