package io.icegate.query.sql;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.NlsString;
import org.apache.iceberg.Schema;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/**
 * Turns the filters Calcite offers a table scan into an Iceberg expression for scan planning
 * (partitions, column stats, bloom filters) and WAL filtering, plus the time range that prunes WAL
 * batches by their footers. Only comparisons of a plain column with a literal are translated; the
 * rest stays with Calcite, which also re-checks every filter, so a translation may only ever keep
 * more rows than SQL would, never fewer.
 *
 * <p>SQL sees timestamps in milliseconds while the lake keeps microseconds: a millisecond value
 * {@code t} covers the microseconds {@code [t, t + 1 ms)}, and bounds are widened accordingly.
 */
final class FilterTranslator {
  /** A translated filter: the Iceberg expression and the time bounds it implies. */
  record Translation(Expression expression, Optional<Instant> from, Optional<Instant> to) {}

  private final Schema schema;
  private final RexBuilder rexBuilder;
  private Optional<Long> fromMicros = Optional.empty();
  private Optional<Long> toMicros = Optional.empty();

  FilterTranslator(Schema schema, RexBuilder rexBuilder) {
    this.schema = schema;
    this.rexBuilder = rexBuilder;
  }

  Translation translate(List<RexNode> filters) {
    Expression all = Expressions.alwaysTrue();
    for (RexNode filter : filters) {
      RexNode expanded = RexUtil.expandSearch(rexBuilder, null, filter);
      for (RexNode conjunct : RelOptUtil.conjunctions(expanded)) {
        Optional<Expression> translated = translate(conjunct);
        if (translated.isPresent()) {
          all = Expressions.and(all, translated.get());
          bounds(conjunct);
        }
      }
    }
    return new Translation(
        all,
        fromMicros.map(m -> Instant.EPOCH.plusNanos(m * 1000)),
        toMicros.map(m -> Instant.EPOCH.plusNanos(m * 1000)));
  }

  private Optional<Expression> translate(RexNode node) {
    if (!(node instanceof RexCall call)) {
      return Optional.empty();
    }
    switch (call.getKind()) {
      case AND -> {
        Expression and = Expressions.alwaysTrue();
        for (RexNode operand : call.getOperands()) {
          // Dropping a conjunct only widens the filter: still safe for pruning.
          Optional<Expression> each = translate(operand);
          if (each.isPresent()) {
            and = Expressions.and(and, each.get());
          }
        }
        return Optional.of(and);
      }
      case OR -> {
        Expression or = Expressions.alwaysFalse();
        for (RexNode operand : call.getOperands()) {
          Optional<Expression> each = translate(operand);
          if (each.isEmpty()) {
            return Optional.empty();
          }
          or = Expressions.or(or, each.get());
        }
        return Optional.of(or);
      }
      case IS_NULL, IS_NOT_NULL -> {
        return column(call.getOperands().get(0))
            .map(
                f ->
                    call.getKind() == SqlKind.IS_NULL
                        ? Expressions.isNull(f.name())
                        : Expressions.notNull(f.name()));
      }
      case EQUALS,
          NOT_EQUALS,
          LESS_THAN,
          LESS_THAN_OR_EQUAL,
          GREATER_THAN,
          GREATER_THAN_OR_EQUAL -> {
        return comparison(call);
      }
      case LIKE -> {
        return like(call);
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  private Optional<Expression> comparison(RexCall call) {
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (!(RexUtil.removeCast(left) instanceof RexInputRef)
        && RexUtil.removeCast(right) instanceof RexInputRef) {
      RexNode swap = left;
      left = right;
      right = swap;
      kind = kind.reverse();
    }
    Optional<NestedField> field = column(left);
    if (field.isEmpty() || !(right instanceof RexLiteral literal) || literal.isNull()) {
      return Optional.empty();
    }
    String name = field.get().name();
    Type type = field.get().type();
    if (type.typeId() == Type.TypeID.TIMESTAMP) {
      Long millis = literal.getValueAs(Long.class);
      if (millis == null) {
        return Optional.empty();
      }
      long micros = millis * 1000;
      long next = micros + 1000;
      return switch (kind) {
        case EQUALS ->
            Optional.of(
                Expressions.and(
                    Expressions.greaterThanOrEqual(name, micros),
                    Expressions.lessThan(name, next)));
        case LESS_THAN -> Optional.of(Expressions.lessThan(name, micros));
        case LESS_THAN_OR_EQUAL -> Optional.of(Expressions.lessThan(name, next));
        case GREATER_THAN -> Optional.of(Expressions.greaterThanOrEqual(name, next));
        case GREATER_THAN_OR_EQUAL -> Optional.of(Expressions.greaterThanOrEqual(name, micros));
        default -> Optional.empty();
      };
    }
    Optional<Object> value = value(literal, type);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    Object v = value.get();
    return Optional.of(
        switch (kind) {
          case EQUALS -> Expressions.equal(name, v);
          case NOT_EQUALS -> Expressions.notEqual(name, v);
          case LESS_THAN -> Expressions.lessThan(name, v);
          case LESS_THAN_OR_EQUAL -> Expressions.lessThanOrEqual(name, v);
          case GREATER_THAN -> Expressions.greaterThan(name, v);
          default -> Expressions.greaterThanOrEqual(name, v);
        });
  }

  /** {@code col LIKE 'prefix%'} (no other wildcard, no escape) becomes a starts-with. */
  private Optional<Expression> like(RexCall call) {
    if (call.getOperands().size() != 2
        || !(call.getOperands().get(1) instanceof RexLiteral pattern)) {
      return Optional.empty();
    }
    Optional<NestedField> field = column(call.getOperands().get(0));
    String text = pattern.getValueAs(String.class);
    if (field.isEmpty() || field.get().type().typeId() != Type.TypeID.STRING || text == null) {
      return Optional.empty();
    }
    int first = firstWildcard(text);
    if (first <= 0 || first != text.length() - 1 || text.charAt(first) != '%') {
      return Optional.empty();
    }
    return Optional.of(Expressions.startsWith(field.get().name(), text.substring(0, first)));
  }

  private static int firstWildcard(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' || c == '_' || c == '\\') {
        return i;
      }
    }
    return -1;
  }

  private Optional<NestedField> column(RexNode node) {
    if (!(node instanceof RexInputRef ref) || ref.getIndex() >= schema.columns().size()) {
      return Optional.empty();
    }
    NestedField field = schema.columns().get(ref.getIndex());
    return field.type().isPrimitiveType() ? Optional.of(field) : Optional.empty();
  }

  private static Optional<Object> value(RexLiteral literal, Type type) {
    Object value =
        switch (type.typeId()) {
          case STRING -> {
            Object raw = literal.getValue();
            yield raw instanceof NlsString nls ? nls.getValue() : literal.getValueAs(String.class);
          }
          case INTEGER -> exactInt(literal);
          case LONG -> literal.getValueAs(Long.class);
          case DOUBLE -> literal.getValueAs(Double.class);
          case BOOLEAN -> literal.getValueAs(Boolean.class);
          case FIXED -> {
            byte[] bytes = literal.getValueAs(byte[].class);
            yield bytes != null && bytes.length == ((Types.FixedType) type).length()
                ? ByteBuffer.wrap(bytes)
                : null;
          }
          default -> null;
        };
    return Optional.ofNullable(value);
  }

  private static Integer exactInt(RexLiteral literal) {
    java.math.BigDecimal decimal = literal.getValueAs(java.math.BigDecimal.class);
    if (decimal == null || decimal.stripTrailingZeros().scale() > 0) {
      return null;
    }
    try {
      return decimal.intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  /** Records {@code timestamp >= / > / < / <=} bounds of a top-level conjunct for WAL pruning. */
  private void bounds(RexNode conjunct) {
    if (!(conjunct instanceof RexCall call) || call.getOperands().size() != 2) {
      return;
    }
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (right instanceof RexInputRef) {
      RexNode swap = left;
      left = right;
      right = swap;
      kind = kind.reverse();
    }
    Optional<NestedField> field = column(left);
    if (field.isEmpty()
        || !field.get().name().equals("timestamp")
        || !(right instanceof RexLiteral literal)) {
      return;
    }
    Long millis = literal.getValueAs(Long.class);
    if (millis == null) {
      return;
    }
    long micros = millis * 1000;
    switch (kind) {
      case GREATER_THAN_OR_EQUAL, EQUALS -> raiseFrom(micros);
      case GREATER_THAN -> raiseFrom(micros + 1000);
      case LESS_THAN -> lowerTo(micros);
      case LESS_THAN_OR_EQUAL -> lowerTo(micros + 1000);
      default -> {}
    }
    if (kind == SqlKind.EQUALS) {
      lowerTo(micros + 1000);
    }
  }

  private void raiseFrom(long micros) {
    fromMicros = Optional.of(fromMicros.map(m -> Math.max(m, micros)).orElse(micros));
  }

  private void lowerTo(long micros) {
    toMicros = Optional.of(toMicros.map(m -> Math.min(m, micros)).orElse(micros));
  }
}
