package io.icegate.query.sql;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types.NestedField;

/**
 * How the lake's Iceberg columns look in SQL. Timestamps become {@code TIMESTAMP(3)} in UTC
 * (Calcite keeps milliseconds; the exact time stays in {@code timestamp_nanos} and the Arrow scan),
 * string maps become {@code MAP<VARCHAR, VARCHAR>} (so {@code attributes['k']} works), lists of
 * primitives become arrays, and lists of structs (span events and links, exemplars, quantiles)
 * become JSON text.
 */
final class SqlTypes {
  private SqlTypes() {}

  static RelDataType rowType(Schema schema, RelDataTypeFactory types) {
    RelDataTypeFactory.Builder row = types.builder();
    for (NestedField column : schema.columns()) {
      row.add(column.name(), type(column.type(), column.isOptional(), types));
    }
    return row.build();
  }

  /** True when SQL sees the column as JSON text rather than as its own structure. */
  static boolean isJson(Type type) {
    return type.isStructType()
        || (type.isListType() && type.asListType().elementType().isNestedType());
  }

  private static RelDataType type(Type type, boolean nullable, RelDataTypeFactory types) {
    RelDataType base;
    if (isJson(type)) {
      base = types.createSqlType(SqlTypeName.VARCHAR);
    } else if (type.isMapType()) {
      base =
          types.createMapType(
              type(type.asMapType().keyType(), false, types),
              type(type.asMapType().valueType(), true, types));
    } else if (type.isListType()) {
      base = types.createArrayType(type(type.asListType().elementType(), true, types), -1);
    } else {
      base =
          switch (type.typeId()) {
            case BOOLEAN -> types.createSqlType(SqlTypeName.BOOLEAN);
            case INTEGER -> types.createSqlType(SqlTypeName.INTEGER);
            case LONG -> types.createSqlType(SqlTypeName.BIGINT);
            case FLOAT -> types.createSqlType(SqlTypeName.REAL);
            case DOUBLE -> types.createSqlType(SqlTypeName.DOUBLE);
            case DATE -> types.createSqlType(SqlTypeName.DATE);
            case TIMESTAMP -> types.createSqlType(SqlTypeName.TIMESTAMP, 3);
            case STRING -> types.createSqlType(SqlTypeName.VARCHAR);
            case FIXED, BINARY -> types.createSqlType(SqlTypeName.VARBINARY);
            default ->
                throw new IllegalArgumentException("Cannot map Iceberg type " + type + " to SQL");
          };
    }
    return types.createTypeWithNullability(base, nullable);
  }
}
