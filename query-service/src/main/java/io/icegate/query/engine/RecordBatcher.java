package io.icegate.query.engine;

import io.icegate.lake.view.LakeRows;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types.NestedField;
import org.apache.iceberg.types.Types.StructType;

/**
 * Turns the lake view's row stream into Arrow batches on demand, charging each batch's rows to the
 * query (so a row limit stops the read within one batch of crossing it). Batches start small and
 * double up to {@link #MAX_BATCH_ROWS}: a consumer that needs few rows reads few.
 */
final class RecordBatcher implements ScanBatches.Source {
  static final int FIRST_BATCH_ROWS = 256;
  static final int MAX_BATCH_ROWS = 8192;

  private final org.apache.arrow.vector.types.pojo.Schema arrow;
  private final List<String> names;
  private final Record[] buffer = new Record[MAX_BATCH_ROWS];
  private final LakeRows rows;
  private final QueryBudget budget;
  private int batchRows = FIRST_BATCH_ROWS;
  // Positions of the wanted columns in the rows' struct, found once per struct.
  private StructType positionsOf;
  private int[] positions;

  RecordBatcher(Schema projection, LakeRows rows, QueryBudget budget) {
    this.arrow = ArrowSchemas.of(projection);
    this.names = projection.columns().stream().map(NestedField::name).toList();
    this.rows = rows;
    this.budget = budget;
  }

  @Override
  public Optional<VectorSchemaRoot> next(BufferAllocator allocator) {
    budget.checkDeadline();
    int count = 0;
    while (count < batchRows && rows.hasNext()) {
      buffer[count++] = rows.next();
    }
    if (count == 0) {
      return Optional.empty();
    }
    budget.chargeRows(count);
    batchRows = Math.min(MAX_BATCH_ROWS, batchRows * 2);
    VectorSchemaRoot batch = VectorSchemaRoot.create(arrow, allocator);
    try {
      List<FieldVector> vectors = batch.getFieldVectors();
      for (int c = 0; c < names.size(); c++) {
        FieldVector vector = vectors.get(c);
        vector.allocateNew();
        for (int r = 0; r < count; r++) {
          Record row = buffer[r];
          ArrowValues.write(vector, r, row.get(position(row, c)));
        }
        vector.setValueCount(count);
      }
      batch.setRowCount(count);
      return Optional.of(batch);
    } catch (RuntimeException e) {
      batch.close();
      throw e;
    } finally {
      Arrays.fill(buffer, 0, count, null);
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

  @Override
  public void close() {
    rows.close();
  }
}
