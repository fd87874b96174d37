package io.icegate.query.engine;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.IntSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.data.Record;

/** Records as Arrow batches, each made when asked for, of the sizes {@code batchRows} gives. */
final class RecordChunks implements Iterator<VectorSchemaRoot> {
  private final Iterator<Record> rows;
  private final RecordArrow arrow;
  private final BufferAllocator allocator;
  private final IntSupplier batchRows;
  private Record[] buffer = new Record[BatchSizes.FIRST_BATCH_ROWS];

  RecordChunks(
      Iterator<Record> rows, RecordArrow arrow, BufferAllocator allocator, IntSupplier batchRows) {
    this.rows = rows;
    this.arrow = arrow;
    this.allocator = allocator;
    this.batchRows = batchRows;
  }

  @Override
  public boolean hasNext() {
    return rows.hasNext();
  }

  @Override
  public VectorSchemaRoot next() {
    if (!rows.hasNext()) {
      throw new NoSuchElementException();
    }
    int size = batchRows.getAsInt();
    if (buffer.length < size) {
      buffer = new Record[size];
    }
    int count = 0;
    while (count < size && rows.hasNext()) {
      buffer[count++] = rows.next();
    }
    try {
      return arrow.batch(buffer, count, allocator);
    } finally {
      Arrays.fill(buffer, 0, count, null);
    }
  }
}
