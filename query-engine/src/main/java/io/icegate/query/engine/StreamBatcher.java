package io.icegate.query.engine;

import io.icegate.lake.view.LakeStream;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * Hands out the batches of a lake-view read made of batches (data files read column by column, WAL
 * rows converted), charging each batch's rows to the query; empty batches are dropped.
 */
final class StreamBatcher implements ScanBatches.Source {
  private final LakeStream<VectorSchemaRoot> batches;
  private final QueryBudget budget;

  StreamBatcher(LakeStream<VectorSchemaRoot> batches, QueryBudget budget) {
    this.batches = batches;
    this.budget = budget;
  }

  @Override
  public Optional<VectorSchemaRoot> next(BufferAllocator allocator) {
    budget.checkDeadline();
    while (batches.hasNext()) {
      VectorSchemaRoot batch = batches.next();
      if (batch.getRowCount() == 0) {
        batch.close();
        continue;
      }
      try {
        budget.chargeRows(batch.getRowCount());
      } catch (RuntimeException e) {
        batch.close();
        throw e;
      }
      return Optional.of(batch);
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    batches.close();
  }
}
