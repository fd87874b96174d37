package io.icegate.query.engine;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The rows of one table scan as Arrow record batches, in the scan's column order, produced lazily:
 * storage is read as batches are asked for, and rows and bytes are charged to the query then.
 * Stream with {@link #loadNextBatch()} and {@link #current()} (one batch in memory at a time), or
 * take {@link #batches()} (all remaining batches at once; do not mix the two). Owns its memory:
 * close it when done (after that the batches are empty), also to stop a scan early.
 */
public final class ScanBatches implements AutoCloseable {
  /** Produces the next batch into the given allocator, or empty at the end of the scan. */
  interface Source extends AutoCloseable {
    Optional<VectorSchemaRoot> next(BufferAllocator allocator);

    @Override
    void close();
  }

  private final Schema schema;
  private final Source source;
  private final BufferAllocator allocator;
  private VectorSchemaRoot current;
  private List<VectorSchemaRoot> collected;

  ScanBatches(Schema schema, Source source, BufferAllocator allocator) {
    this.schema = requireNonNull(schema, "schema is null");
    this.source = requireNonNull(source, "source is null");
    this.allocator = requireNonNull(allocator, "allocator is null");
  }

  public Schema schema() {
    return schema;
  }

  /**
   * Reads the next batch, releasing the previous one.
   *
   * @return false at the end of the scan
   */
  public boolean loadNextBatch() {
    if (current != null) {
      current.close();
      current = null;
    }
    current = source.next(allocator).orElse(null);
    return current != null;
  }

  /** The batch the last {@link #loadNextBatch()} read. */
  public VectorSchemaRoot current() {
    if (current == null) {
      throw new IllegalStateException("No current batch: call loadNextBatch() first");
    }
    return current;
  }

  /** All batches not read yet, read now and kept until {@link #close()}. */
  public List<VectorSchemaRoot> batches() {
    if (collected == null) {
      List<VectorSchemaRoot> all = new ArrayList<>();
      try {
        for (Optional<VectorSchemaRoot> batch = source.next(allocator);
            batch.isPresent();
            batch = source.next(allocator)) {
          all.add(batch.get());
        }
      } catch (RuntimeException e) {
        // A limit crossed mid-scan: the batches read so far are nobody's to close but ours.
        all.forEach(VectorSchemaRoot::close);
        throw e;
      }
      collected = List.copyOf(all);
    }
    return collected;
  }

  /** The rows of {@link #batches()}. */
  public long rowCount() {
    return batches().stream().mapToLong(VectorSchemaRoot::getRowCount).sum();
  }

  @Override
  public void close() {
    try {
      source.close();
    } finally {
      if (current != null) {
        current.close();
      }
      if (collected != null) {
        collected.forEach(VectorSchemaRoot::close);
      }
      allocator.close();
    }
  }
}
