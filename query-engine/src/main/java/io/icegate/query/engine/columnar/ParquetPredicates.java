package io.icegate.query.engine.columnar;

import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.apache.iceberg.expressions.And;
import org.apache.iceberg.expressions.BoundPredicate;
import org.apache.iceberg.expressions.BoundReference;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Literal;
import org.apache.iceberg.expressions.Or;
import org.apache.iceberg.types.Type;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.filter2.predicate.Operators;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type.ID;

/**
 * An Iceberg row filter (bound to the table schema) as a parquet-mr predicate over one file's
 * columns, used only to skip row groups and pages (statistics, dictionaries, bloom filters, column
 * indexes): it may keep more rows than the Iceberg filter, never fewer, because every row is still
 * tested by the Iceberg filter afterwards. Comparisons on top-level long, timestamp, int, date and
 * string, fixed and binary columns are translated; anything else becomes "no predicate" (an {@code
 * and} keeps the side it can translate, an {@code or} needs both).
 */
final class ParquetPredicates {
  private ParquetPredicates() {}

  static Optional<FilterPredicate> of(Expression bound, MessageType file) {
    if (bound instanceof And and) {
      Optional<FilterPredicate> left = of(and.left(), file);
      Optional<FilterPredicate> right = of(and.right(), file);
      if (left.isPresent() && right.isPresent()) {
        return Optional.of(FilterApi.and(left.get(), right.get()));
      }
      return left.isPresent() ? left : right;
    }
    if (bound instanceof Or or) {
      Optional<FilterPredicate> left = of(or.left(), file);
      Optional<FilterPredicate> right = of(or.right(), file);
      return left.isPresent() && right.isPresent()
          ? Optional.of(FilterApi.or(left.get(), right.get()))
          : Optional.empty();
    }
    if (bound instanceof BoundPredicate<?> predicate
        && predicate.term() instanceof BoundReference<?> reference) {
      Optional<String> column = columnName(reference.fieldId(), file);
      if (column.isEmpty()) {
        return Optional.empty();
      }
      Type.TypeID type = reference.type().typeId();
      return switch (type) {
        case LONG, TIMESTAMP -> longPredicate(predicate, column.get());
        case INTEGER, DATE -> intPredicate(predicate, column.get());
        case STRING, FIXED, BINARY -> binaryPredicate(predicate, column.get());
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  private static Optional<String> columnName(int fieldId, MessageType file) {
    for (org.apache.parquet.schema.Type field : file.getFields()) {
      ID id = field.getId();
      if (id != null && id.intValue() == fieldId && field.isPrimitive()) {
        return Optional.of(field.getName());
      }
    }
    return Optional.empty();
  }

  private static Optional<FilterPredicate> longPredicate(BoundPredicate<?> p, String name) {
    Operators.LongColumn column = FilterApi.longColumn(name);
    if (p.isLiteralPredicate()) {
      Long value = ((Number) p.asLiteralPredicate().literal().value()).longValue();
      return compare(p, column, value);
    }
    if (p.isSetPredicate() && p.op() == org.apache.iceberg.expressions.Expression.Operation.IN) {
      Set<Long> values = new HashSet<>();
      p.asSetPredicate().literalSet().forEach(v -> values.add(((Number) v).longValue()));
      return Optional.of(FilterApi.in(column, values));
    }
    return Optional.empty();
  }

  private static Optional<FilterPredicate> intPredicate(BoundPredicate<?> p, String name) {
    Operators.IntColumn column = FilterApi.intColumn(name);
    if (p.isLiteralPredicate()) {
      Integer value = ((Number) p.asLiteralPredicate().literal().value()).intValue();
      return compare(p, column, value);
    }
    return Optional.empty();
  }

  private static Optional<FilterPredicate> binaryPredicate(BoundPredicate<?> p, String name) {
    Operators.BinaryColumn column = FilterApi.binaryColumn(name);
    if (p.isLiteralPredicate()) {
      return compare(p, column, binary(p.asLiteralPredicate().literal()));
    }
    if (p.isSetPredicate() && p.op() == org.apache.iceberg.expressions.Expression.Operation.IN) {
      Set<Binary> values = new HashSet<>();
      p.asSetPredicate().literalSet().forEach(v -> values.add(binary(v)));
      return Optional.of(FilterApi.in(column, values));
    }
    return Optional.empty();
  }

  private static Binary binary(Literal<?> literal) {
    return binary(literal.value());
  }

  private static Binary binary(Object value) {
    return value instanceof ByteBuffer buffer
        ? Binary.fromConstantByteBuffer(buffer)
        : Binary.fromString(value.toString());
  }

  private static <T extends Comparable<T>, C extends Operators.Column<T> & Operators.SupportsLtGt>
      Optional<FilterPredicate> compare(BoundPredicate<?> p, C column, T value) {
    return switch (p.op()) {
      case EQ -> Optional.of(FilterApi.eq(column, value));
      case LT -> Optional.of(FilterApi.lt(column, value));
      case LT_EQ -> Optional.of(FilterApi.ltEq(column, value));
      case GT -> Optional.of(FilterApi.gt(column, value));
      case GT_EQ -> Optional.of(FilterApi.gtEq(column, value));
      // NOT_EQ keeps nulls in parquet-mr: still a superset, but rarely selective; not pushed.
      default -> Optional.empty();
    };
  }
}
