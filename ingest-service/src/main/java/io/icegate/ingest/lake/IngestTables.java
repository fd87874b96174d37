package io.icegate.ingest.lake;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.catalog.WalOffsetsCheck;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.wal.WalSignal;
import io.micronaut.context.annotation.Context;
import java.util.Map;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;

/**
 * The signal tables as the ingest service sees them. Created (if missing) when the service starts,
 * through the embedded catalog, so the WAL and the shifter always have their tables.
 */
@Context
public final class IngestTables {
  private final ObjectStoreCatalog catalog;

  IngestTables(ObjectStoreCatalog catalog) {
    this.catalog = catalog;
    new LakeTableCreator(catalog).createMissing();
  }

  /** A freshly loaded table of {@code signal}. */
  public Table table(WalSignal signal) {
    return catalog.loadTable(signal.table().identifier());
  }

  /** The WAL offsets committed in the signal's table (the current snapshot's ancestry). */
  public Map<String, Long> committedOffsets(WalSignal signal) {
    TableMetadata metadata = ((HasTableOperations) table(signal)).operations().current();
    Snapshot current = metadata.currentSnapshot();
    return WalOffsetsCheck.committedOffsets(
        metadata, current == null ? null : current.snapshotId());
  }
}
