package io.icegate.query.engine.columnar;

import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.Type;

/**
 * The converter tree parquet-mr's {@code ColumnReadStoreImpl} asks for; IceGate reads values from
 * the column readers directly, so no converter is ever called (and none claims dictionary support,
 * which makes the readers decode dictionary pages themselves).
 */
final class NoopConverter extends GroupConverter {
  private final Converter[] children;

  NoopConverter(GroupType type) {
    children = new Converter[type.getFieldCount()];
    for (int i = 0; i < children.length; i++) {
      Type field = type.getType(i);
      children[i] =
          field.isPrimitive()
              ? new PrimitiveConverter() {}
              : new NoopConverter(field.asGroupType());
    }
  }

  @Override
  public Converter getConverter(int fieldIndex) {
    return children[fieldIndex];
  }

  @Override
  public void start() {}

  @Override
  public void end() {}
}
