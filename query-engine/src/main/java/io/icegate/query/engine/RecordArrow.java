package io.icegate.query.engine;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types.NestedField;
import org.apache.iceberg.types.Types.StructType;

/**
 * Writes Iceberg records into Arrow batches of a projection's columns, in the projection's order,
 * finding each column in the records' struct by name (once per struct).
 */
final class RecordArrow {
  private final org.apache.arrow.vector.types.pojo.Schema arrow;
  private final List<String> names;
  private StructType positionsOf;
  private int[] positions;

  RecordArrow(Schema projection) {
    this.arrow = ArrowSchemas.of(projection);
    this.names = projection.columns().stream().map(NestedField::name).toList();
  }

  /** A batch of {@code rows[0..count)}. */
  VectorSchemaRoot batch(Record[] rows, int count, BufferAllocator allocator) {
    VectorSchemaRoot batch = VectorSchemaRoot.create(arrow, allocator);
    try {
      List<FieldVector> vectors = batch.getFieldVectors();
      for (int c = 0; c < names.size(); c++) {
        FieldVector vector = vectors.get(c);
        vector.allocateNew();
        for (int r = 0; r < count; r++) {
          Record row = rows[r];
          ArrowValues.write(vector, r, row.get(position(row, c)));
        }
        vector.setValueCount(count);
      }
      batch.setRowCount(count);
      return batch;
    } catch (RuntimeException e) {
      batch.close();
      throw e;
    }
  }

  private int position(Record row, int column) {
    StructType struct = row.struct();
    if (struct != positionsOf) {
      positions = new int[names.size()];
      List<NestedField> fields = struct.fields();
      for (int c = 0; c < names.size(); c++) {
        positions[c] = -1;
        for (int f = 0; f < fields.size(); f++) {
          if (fields.get(f).name().equals(names.get(c))) {
            positions[c] = f;
          }
        }
        if (positions[c] < 0) {
          throw new IllegalStateException("Cannot scan: rows lack column " + names.get(c));
        }
      }
      positionsOf = struct;
    }
    return positions[column];
  }
}
