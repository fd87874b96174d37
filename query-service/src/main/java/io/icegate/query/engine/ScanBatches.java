package io.icegate.query.engine;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows of one table scan as Arrow record batches, in the scan's column order. Owns its memory:
 * close it when done (after that the batches are empty).
 */
public final class ScanBatches implements AutoCloseable {
  private final Schema schema;
  private final List<VectorSchemaRoot> batches;
  private final BufferAllocator allocator;

  ScanBatches(Schema schema, List<VectorSchemaRoot> batches, BufferAllocator allocator) {
    this.schema = requireNonNull(schema, "schema is null");
    this.batches = List.copyOf(batches);
    this.allocator = requireNonNull(allocator, "allocator is null");
  }

  public Schema schema() {
    return schema;
  }

  public List<VectorSchemaRoot> batches() {
    return batches;
  }

  public long rowCount() {
    return batches.stream().mapToLong(VectorSchemaRoot::getRowCount).sum();
  }

  @Override
  public void close() {
    batches.forEach(VectorSchemaRoot::close);
    allocator.close();
  }
}
