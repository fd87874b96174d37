package io.icegate.query.engine;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.view.LakeQuery;
import io.icegate.lake.view.LakeRows;
import io.icegate.lake.view.LakeStream;
import io.icegate.lake.view.LakeView;
import io.icegate.lake.view.StoredReader;
import io.icegate.query.engine.columnar.ColumnarStoredReader;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types.NestedField;

/**
 * The scan layer of one query for one tenant (DESIGN.md §7). Every scan it runs carries this
 * tenant's filter, added here below every language: a language can only hand in a {@link
 * ScanRequest}, which has no tenant, and never sees {@code tenant_id}. Reads go through the lake
 * view (snapshot rows plus WAL rows beyond its offsets, minus stored batches) over a store that
 * charges every byte to the query's {@link QueryBudget}.
 */
public final class TenantScan {
  public static final String TENANT_COLUMN = "tenant_id";

  private final TenantId tenant;
  private final LakeView view;
  private final QueryBudget budget;
  private final BufferAllocator allocator;

  TenantScan(TenantId tenant, LakeView view, QueryBudget budget, BufferAllocator allocator) {
    this.tenant = requireNonNull(tenant, "tenant is null");
    this.view = requireNonNull(view, "view is null");
    this.budget = requireNonNull(budget, "budget is null");
    this.allocator = requireNonNull(allocator, "allocator is null");
  }

  public TenantId tenant() {
    return tenant;
  }

  public QueryBudget budget() {
    return budget;
  }

  /** The columns a language may see of a table: all but {@code tenant_id}. */
  public static Schema visibleSchema(Schema tableSchema) {
    List<NestedField> visible =
        tableSchema.columns().stream().filter(f -> !f.name().equals(TENANT_COLUMN)).toList();
    return new Schema(visible);
  }

  /**
   * Reads one table lazily: storage is read as the caller asks for batches, which grow from 256 to
   * 8,192 rows, so a caller that stops early (a LIMIT) reads little. The caller closes the batches.
   */
  public ScanBatches scan(ScanRequest request) {
    budget.checkDeadline();
    Schema visible = visibleSchema(request.signal().table().schema());
    // In the order asked for (Schema.select would return the table's order).
    Schema projection =
        request.columns().isEmpty()
            ? visible
            : new Schema(request.columns().stream().map(name -> column(visible, name)).toList());
    LakeQuery query =
        new LakeQuery(
            tenant,
            request.signal(),
            request.from(),
            request.to(),
            projection.columns().stream().map(NestedField::name).toList(),
            request.filter());
    BufferAllocator scanAllocator = allocator.newChildAllocator("scan", 0, Long.MAX_VALUE);
    try {
      return new ScanBatches(
          ArrowSchemas.of(projection), source(query, projection, scanAllocator), scanAllocator);
    } catch (RuntimeException e) {
      scanAllocator.close();
      throw e;
    }
  }

  /**
   * Data files read column by column straight into Arrow when the columns allow it (primitives and
   * maps of them: every IceGate table's columns but a few of spans and metrics), else Iceberg's
   * generic reader row by row; WAL rows are records either way.
   */
  private ScanBatches.Source source(
      LakeQuery query, Schema projection, BufferAllocator scanAllocator) {
    Schema table = query.signal().table().schema();
    if (!ColumnarStoredReader.supports(table, projection, query.filter())) {
      LakeRows rows = view.open(query);
      return new RecordBatcher(projection, rows, budget);
    }
    BatchSizes sizes = new BatchSizes();
    RecordArrow arrow = new RecordArrow(projection);
    LakeStream<VectorSchemaRoot> batches =
        view.open(
            query,
            new ColumnarStoredReader(
                projection, scanAllocator, sizes, genericBatches(arrow, scanAllocator, sizes)),
            rows -> new RecordChunks(rows.iterator(), arrow, scanAllocator, sizes));
    return new StreamBatcher(batches, budget);
  }

  /** Iceberg's generic reader over a snapshot, its records made into batches: the fallback. */
  static StoredReader<VectorSchemaRoot> genericBatches(
      RecordArrow arrow, BufferAllocator allocator, BatchSizes sizes) {
    return (table, snapshot, columns, filter) -> {
      CloseableIterable<Record> records = LakeView.genericRows(table, snapshot, columns, filter);
      return CloseableIterable.combine(
          () -> new RecordChunks(records.iterator(), arrow, allocator, sizes), records);
    };
  }

  private static NestedField column(Schema visible, String name) {
    NestedField field = visible.findField(name);
    if (field == null) {
      throw new IllegalArgumentException("Cannot scan: no column '" + name + "'");
    }
    return field;
  }
}
