package io.icegate.query.engine.columnar;

import io.icegate.query.engine.ArrowValues;
import org.apache.arrow.vector.FieldVector;
import org.apache.parquet.column.ColumnReader;

/** A top-level primitive column: one value (or a null) per row. */
final class PrimitiveFiller extends ColumnFiller {
  private final ColumnReader column;
  private final ValueWriter writer;
  private final int maxDefinition;
  private FieldVector vector;

  PrimitiveFiller(ColumnReader column, ValueWriter writer) {
    this.column = column;
    this.writer = writer;
    this.maxDefinition = column.getDescriptor().getMaxDefinitionLevel();
  }

  @Override
  void bind(FieldVector vector) {
    this.vector = vector;
  }

  @Override
  void read(int index) {
    if (column.getCurrentDefinitionLevel() == maxDefinition) {
      writer.write(column, vector, index);
    } else {
      ArrowValues.setNull(vector, index);
    }
    column.consume();
  }

  @Override
  void skip() {
    // Only a stored value is skipped in the data; a null has levels only.
    if (column.getCurrentDefinitionLevel() == maxDefinition) {
      column.skip();
    }
    column.consume();
  }
}
