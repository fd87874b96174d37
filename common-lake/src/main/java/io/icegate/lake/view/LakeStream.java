package io.icegate.lake.view;

import org.apache.iceberg.io.CloseableIterator;

/**
 * A streaming read of one {@link LakeView}, producing {@code T}s: rows, or batches of rows when the
 * caller reads data files itself (see {@link StoredReader}). Close it when done (it may hold an
 * open data file).
 */
public interface LakeStream<T> extends CloseableIterator<T> {
  /** Closes the open data file, if any; never throws a checked exception. */
  @Override
  void close();
}
