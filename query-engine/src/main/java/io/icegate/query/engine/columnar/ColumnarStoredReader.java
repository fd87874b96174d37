package io.icegate.query.engine.columnar;

import io.icegate.lake.view.StoredReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.IntSupplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.CloseableIterator;

/**
 * Reads a snapshot's data files as Arrow batches with {@link ParquetBatchReader}, file by file. A
 * snapshot it cannot read that way (a file with row-level deletes, or not Parquet: written by
 * another engine) is read whole by {@code fallback} instead, so answers never depend on which
 * reader ran.
 */
public final class ColumnarStoredReader implements StoredReader<VectorSchemaRoot> {
  private final Schema projection;
  private final BufferAllocator allocator;
  private final IntSupplier batchRows;
  private final StoredReader<VectorSchemaRoot> fallback;

  /**
   * @param projection the columns, in the order the batches carry them
   * @param batchRows the size of the next batch (shared with the WAL part of the scan)
   */
  public ColumnarStoredReader(
      Schema projection,
      BufferAllocator allocator,
      IntSupplier batchRows,
      StoredReader<VectorSchemaRoot> fallback) {
    this.projection = projection;
    this.allocator = allocator;
    this.batchRows = batchRows;
    this.fallback = fallback;
  }

  /** Whether batches of these columns, filtered so, can be read by this reader at all. */
  public static boolean supports(Schema tableSchema, Schema projection, Expression filter) {
    return ColumnSupport.supports(tableSchema, projection, filter);
  }

  @Override
  public CloseableIterable<VectorSchemaRoot> read(
      Table table, long snapshotId, Schema ignoredProjection, Expression filter) {
    // Planned when iterated (as Iceberg's own reader does), so a manifest gone in the meantime
    // surfaces where the lake view re-plans.
    return new CloseableIterable<>() {
      private CloseableIterable<VectorSchemaRoot> fallbackRead;

      @Override
      public CloseableIterator<VectorSchemaRoot> iterator() {
        List<FileScanTask> tasks = plan(table, snapshotId, filter);
        if (tasks == null) {
          fallbackRead = fallback.read(table, snapshotId, ignoredProjection, filter);
          return fallbackRead.iterator();
        }
        return new Files(table, table.schema(), tasks.iterator(), filter);
      }

      @Override
      public void close() throws IOException {
        if (fallbackRead != null) {
          fallbackRead.close();
        }
      }
    };
  }

  /** The snapshot's files for the filter, or null if one of them needs the fallback reader. */
  private static List<FileScanTask> plan(Table table, long snapshotId, Expression filter) {
    List<FileScanTask> tasks = new ArrayList<>();
    try (CloseableIterable<FileScanTask> planned =
        table.newScan().useSnapshot(snapshotId).filter(filter).planFiles()) {
      for (FileScanTask task : planned) {
        if (!task.deletes().isEmpty() || task.file().format() != FileFormat.PARQUET) {
          return null;
        }
        tasks.add(task);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot plan a scan of " + table.name(), e);
    }
    return tasks;
  }

  /** The tasks' files one after another, each opened when the previous one is done. */
  private final class Files implements CloseableIterator<VectorSchemaRoot> {
    private final Table table;
    private final Schema tableSchema;
    private final Iterator<FileScanTask> tasks;
    private final Expression filter;
    private ParquetBatchReader current;

    Files(Table table, Schema tableSchema, Iterator<FileScanTask> tasks, Expression filter) {
      this.table = table;
      this.tableSchema = tableSchema;
      this.tasks = tasks;
      this.filter = filter;
    }

    @Override
    public boolean hasNext() {
      while (current == null || !current.hasNext()) {
        if (current != null) {
          current.close();
          current = null;
        }
        if (!tasks.hasNext()) {
          return false;
        }
        FileScanTask task = tasks.next();
        Expression residual = Unbinding.unbind(task.residual(), filter);
        if (residual.op() == Expression.Operation.FALSE) {
          continue;
        }
        current =
            new ParquetBatchReader(
                table.io().newInputFile(task.file()),
                tableSchema,
                projection,
                residual,
                filter,
                allocator,
                batchRows);
      }
      return true;
    }

    @Override
    public VectorSchemaRoot next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }

    @Override
    public void close() {
      if (current != null) {
        current.close();
        current = null;
      }
    }
  }
}
