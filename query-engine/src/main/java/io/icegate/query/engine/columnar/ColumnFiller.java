package io.icegate.query.engine.columnar;

import org.apache.arrow.vector.FieldVector;

/**
 * Moves one top-level column of a Parquet row group into an Arrow vector, a row at a time, in step
 * with the other columns: {@link #read} writes the current row and advances, {@link #skip} only
 * advances (a row the filter dropped, whose values are never decoded into Arrow).
 */
abstract class ColumnFiller {
  /** The vector {@link #read} writes into from now on (already allocated by the caller). */
  abstract void bind(FieldVector vector);

  abstract void read(int index);

  abstract void skip();
}
