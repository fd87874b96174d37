package io.icegate.query.engine.columnar;

import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/** Marks one Arrow value null, growing the vector as a {@code setSafe} would. */
final class Nulls {
  private Nulls() {}

  static void set(FieldVector vector, int index) {
    if (vector instanceof BaseFixedWidthVector v) {
      v.setNull(index);
    } else if (vector instanceof BaseVariableWidthVector v) {
      v.setNull(index);
    } else if (vector instanceof ListVector v) {
      v.setNull(index);
    } else if (vector instanceof StructVector v) {
      v.setNull(index);
    } else {
      throw new IllegalArgumentException(
          "Cannot write null to Arrow vector " + vector.getClass().getSimpleName());
    }
  }
}
