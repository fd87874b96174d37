package io.icegate.query.http;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.schema.TableDefinition;
import io.icegate.lake.wal.WalSignal;
import io.micronaut.context.annotation.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * The signal tables, created (if missing) when the query service starts so that queries on an empty
 * lake answer with no rows rather than "no such table", whichever service starts first.
 */
@Context
final class QueryTables {
  private final ObjectStoreCatalog catalog;

  QueryTables(ObjectStoreCatalog catalog) {
    this.catalog = catalog;
    new LakeTableCreator(catalog).createMissing();
  }

  /** The signal tables that cannot be loaded now (empty when the service can answer). */
  List<String> missing() {
    List<String> missing = new ArrayList<>();
    for (WalSignal signal : WalSignal.values()) {
      TableDefinition table = signal.table();
      if (!catalog.tableExists(table.identifier())) {
        missing.add(table.identifier().toString());
      }
    }
    return missing;
  }
}
