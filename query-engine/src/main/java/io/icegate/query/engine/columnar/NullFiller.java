package io.icegate.query.engine.columnar;

import io.icegate.query.engine.ArrowValues;
import org.apache.arrow.vector.FieldVector;

/** A column the data file does not have (added to the table after the file was written). */
final class NullFiller extends ColumnFiller {
  private FieldVector vector;

  @Override
  void bind(FieldVector vector) {
    this.vector = vector;
  }

  @Override
  void read(int index) {
    ArrowValues.setNull(vector, index);
  }

  @Override
  void skip() {
    // nothing stored
  }
}
