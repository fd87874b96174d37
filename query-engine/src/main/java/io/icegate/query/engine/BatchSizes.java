package io.icegate.query.engine;

import java.util.function.IntSupplier;

/**
 * The size of a scan's next batch: 256 rows, doubling up to 8,192, so a consumer that needs few
 * rows (a LIMIT) reads few, and a long scan runs on large batches.
 */
final class BatchSizes implements IntSupplier {
  static final int FIRST_BATCH_ROWS = 256;
  static final int MAX_BATCH_ROWS = 8192;

  private int next = FIRST_BATCH_ROWS;

  @Override
  public int getAsInt() {
    int size = next;
    next = Math.min(MAX_BATCH_ROWS, next * 2);
    return size;
  }
}
