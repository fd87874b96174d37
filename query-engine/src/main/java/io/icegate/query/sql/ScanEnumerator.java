package io.icegate.query.sql;

import io.icegate.query.engine.ScanBatches;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.calcite.linq4j.Enumerator;

/**
 * Calcite rows from a lazy table scan, one Arrow batch in memory at a time; rows failing a LIKE
 * filter evaluated here are skipped, and columns read only for those filters are dropped.
 */
final class ScanEnumerator implements Enumerator<Object[]> {
  private final ScanBatches batches;
  private final List<LikeFilter> likes;
  private final int[] likeColumns;
  private final int[] keep;
  private List<FieldVector> vectors;
  private int rowCount;
  private int row;
  private Object[] current;

  ScanEnumerator(ScanBatches batches, List<LikeFilter> likes, int[] likeColumns, int[] keep) {
    this.batches = batches;
    this.likes = likes;
    this.likeColumns = likeColumns;
    this.keep = keep;
  }

  @Override
  public Object[] current() {
    return current;
  }

  @Override
  public boolean moveNext() {
    while (true) {
      if (vectors == null || row >= rowCount) {
        if (!batches.loadNextBatch()) {
          current = null;
          return false;
        }
        VectorSchemaRoot batch = batches.current();
        vectors = batch.getFieldVectors();
        rowCount = batch.getRowCount();
        row = 0;
        continue;
      }
      int r = row++;
      if (!matches(r)) {
        continue;
      }
      Object[] values = new Object[keep.length];
      for (int c = 0; c < keep.length; c++) {
        values[c] = ArrowRows.value(vectors.get(keep[c]), r);
      }
      current = values;
      return true;
    }
  }

  private boolean matches(int r) {
    for (int i = 0; i < likeColumns.length; i++) {
      if (!likes.get(i).test(ArrowRows.value(vectors.get(likeColumns[i]), r))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("Cannot reset a table scan");
  }

  @Override
  public void close() {
    batches.close();
  }
}
