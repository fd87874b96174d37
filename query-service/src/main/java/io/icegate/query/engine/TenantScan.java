package io.icegate.query.engine;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.view.LakeQuery;
import io.icegate.lake.view.LakeView;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
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
  static final int BATCH_ROWS = 8192;

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

  /** Reads one table; the caller closes the batches. */
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
    List<Record> rows = view.read(query);
    budget.chargeRows(rows.size());
    return toArrow(projection, rows);
  }

  private static NestedField column(Schema visible, String name) {
    NestedField field = visible.findField(name);
    if (field == null) {
      throw new IllegalArgumentException("Cannot scan: no column '" + name + "'");
    }
    return field;
  }

  private ScanBatches toArrow(Schema projection, List<Record> rows) {
    org.apache.arrow.vector.types.pojo.Schema arrow = ArrowSchemas.of(projection);
    BufferAllocator scanAllocator = allocator.newChildAllocator("scan", 0, Long.MAX_VALUE);
    List<VectorSchemaRoot> batches = new ArrayList<>();
    try {
      List<String> names = projection.columns().stream().map(NestedField::name).toList();
      for (int start = 0; start < rows.size(); start += BATCH_ROWS) {
        budget.checkDeadline();
        int end = Math.min(rows.size(), start + BATCH_ROWS);
        VectorSchemaRoot batch = VectorSchemaRoot.create(arrow, scanAllocator);
        batches.add(batch);
        for (int c = 0; c < names.size(); c++) {
          FieldVector vector = batch.getVector(c);
          vector.allocateNew();
          for (int r = start; r < end; r++) {
            ArrowValues.write(vector, r - start, rows.get(r).getField(names.get(c)));
          }
        }
        batch.setRowCount(end - start);
      }
      return new ScanBatches(arrow, batches, scanAllocator);
    } catch (RuntimeException e) {
      batches.forEach(VectorSchemaRoot::close);
      scanAllocator.close();
      throw e;
    }
  }
}
