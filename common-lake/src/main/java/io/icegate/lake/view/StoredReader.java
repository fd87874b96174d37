package io.icegate.lake.view;

import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Reads the data files of one snapshot for a {@link LakeView} read: every row matching {@code
 * filter}, with the columns of {@code projection} in its order. Files are opened lazily, one at a
 * time; a file that is gone surfaces as Iceberg's {@code NotFoundException} or IceGate's {@code
 * ObjectNotFoundException} while iterating, which the view turns into a re-plan or a {@link
 * LakeChangedException}.
 *
 * @param <T> what the reader produces: a row, or a batch of rows
 */
@FunctionalInterface
public interface StoredReader<T> {
  CloseableIterable<T> read(Table table, long snapshotId, Schema projection, Expression filter);
}
