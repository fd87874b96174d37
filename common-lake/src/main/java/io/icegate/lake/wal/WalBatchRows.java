package io.icegate.lake.wal;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import java.util.List;
import org.apache.iceberg.data.Record;

/**
 * One request's rows for one table: the unit of acknowledgement and of deduplication.
 *
 * @param batchId 128-bit hash of tenant, signal and decoded request bytes, 32 lowercase hex chars
 */
public record WalBatchRows(String batchId, TenantId tenant, List<Record> rows) {
  public WalBatchRows {
    requireNonNull(batchId, "batchId is null");
    requireNonNull(tenant, "tenant is null");
    if (!batchId.matches("[0-9a-f]{32}")) {
      throw new IllegalArgumentException("Invalid batch id '" + batchId + "': expected 32 hex");
    }
    rows = List.copyOf(rows);
  }
}
