package io.icegate.query.engine;

import io.icegate.lake.view.LakeRows;
import java.util.Arrays;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;

/**
 * Turns the lake view's row stream into Arrow batches on demand, charging each batch's rows to the
 * query (so a row limit stops the read within one batch of crossing it). Batches start small and
 * double up to {@link BatchSizes#MAX_BATCH_ROWS}: a consumer that needs few rows reads few.
 */
final class RecordBatcher implements ScanBatches.Source {
  private final RecordArrow arrow;
  private final Record[] buffer = new Record[BatchSizes.MAX_BATCH_ROWS];
  private final LakeRows rows;
  private final QueryBudget budget;
  private final BatchSizes sizes = new BatchSizes();

  RecordBatcher(Schema projection, LakeRows rows, QueryBudget budget) {
    this.arrow = new RecordArrow(projection);
    this.rows = rows;
    this.budget = budget;
  }

  @Override
  public Optional<VectorSchemaRoot> next(BufferAllocator allocator) {
    budget.checkDeadline();
    int batchRows = sizes.getAsInt();
    int count = 0;
    while (count < batchRows && rows.hasNext()) {
      buffer[count++] = rows.next();
    }
    if (count == 0) {
      return Optional.empty();
    }
    budget.chargeRows(count);
    try {
      return Optional.of(arrow.batch(buffer, count, allocator));
    } finally {
      Arrays.fill(buffer, 0, count, null);
    }
  }

  @Override
  public void close() {
    rows.close();
  }
}
