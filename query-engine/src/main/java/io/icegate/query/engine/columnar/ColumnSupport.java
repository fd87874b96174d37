package io.icegate.query.engine.columnar;

import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.expressions.Binder;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types.NestedField;

/** Which columns {@link ParquetBatchReader} reads: primitives and maps of primitives. */
final class ColumnSupport {
  private ColumnSupport() {}

  static boolean supports(Schema tableSchema, Schema projection, Expression filter) {
    for (NestedField column : projection.columns()) {
      Type type = column.type();
      boolean readable =
          primitive(type)
              || (type.isMapType()
                  && primitive(type.asMapType().keyType())
                  && primitive(type.asMapType().valueType()));
      if (!readable) {
        return false;
      }
    }
    for (int id : Binder.boundReferences(tableSchema.asStruct(), List.of(filter), true)) {
      // Filters are tested on top-level primitive columns only.
      NestedField field = tableSchema.findField(id);
      if (tableSchema.columns().stream().noneMatch(c -> c.fieldId() == id)
          || !primitive(field.type())) {
        return false;
      }
    }
    return true;
  }

  private static boolean primitive(Type type) {
    return switch (type.typeId()) {
      case BOOLEAN, INTEGER, LONG, FLOAT, DOUBLE, DATE, TIMESTAMP, STRING, FIXED, BINARY -> true;
      default -> false;
    };
  }
}
