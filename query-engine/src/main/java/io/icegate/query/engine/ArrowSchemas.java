package io.icegate.query.engine;

import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/**
 * Iceberg schemas as Arrow schemas, nested types included (iceberg-arrow's own conversion is built
 * for Arrow 15 and its reader rejects maps, so IceGate keeps its own). Timestamps stay
 * microseconds, {@code timestamptz} with zone UTC; {@code fixed} stays fixed-size binary.
 */
public final class ArrowSchemas {
  private ArrowSchemas() {}

  public static Schema of(org.apache.iceberg.Schema schema) {
    return new Schema(schema.columns().stream().map(ArrowSchemas::field).toList());
  }

  static Field field(NestedField column) {
    return field(column.name(), column.type(), column.isOptional());
  }

  private static Field field(String name, Type type, boolean nullable) {
    FieldType fieldType = new FieldType(nullable, arrowType(type), null);
    return switch (type.typeId()) {
      case STRUCT ->
          new Field(
              name,
              fieldType,
              type.asStructType().fields().stream().map(ArrowSchemas::field).toList());
      case LIST -> {
        Types.ListType list = type.asListType();
        yield new Field(
            name,
            fieldType,
            List.of(field("element", list.elementType(), list.isElementOptional())));
      }
      case MAP -> {
        Types.MapType map = type.asMapType();
        Field entries =
            new Field(
                "entries",
                FieldType.notNullable(ArrowType.Struct.INSTANCE),
                List.of(
                    field("key", map.keyType(), false),
                    field("value", map.valueType(), map.isValueOptional())));
        yield new Field(name, fieldType, List.of(entries));
      }
      default -> new Field(name, fieldType, List.of());
    };
  }

  private static ArrowType arrowType(Type type) {
    return switch (type.typeId()) {
      case BOOLEAN -> ArrowType.Bool.INSTANCE;
      case INTEGER -> new ArrowType.Int(32, true);
      case LONG -> new ArrowType.Int(64, true);
      case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
      case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
      case DATE -> new ArrowType.Date(DateUnit.DAY);
      case TIMESTAMP ->
          new ArrowType.Timestamp(
              TimeUnit.MICROSECOND,
              ((Types.TimestampType) type).shouldAdjustToUTC() ? "UTC" : null);
      case STRING -> ArrowType.Utf8.INSTANCE;
      case FIXED -> new ArrowType.FixedSizeBinary(((Types.FixedType) type).length());
      case BINARY -> ArrowType.Binary.INSTANCE;
      case STRUCT -> ArrowType.Struct.INSTANCE;
      case LIST -> ArrowType.List.INSTANCE;
      case MAP -> new ArrowType.Map(false);
      default ->
          throw new IllegalArgumentException("Cannot map Iceberg type " + type + " to Arrow");
    };
  }
}
