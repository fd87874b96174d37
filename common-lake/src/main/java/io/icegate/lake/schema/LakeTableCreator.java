package io.icegate.lake.schema;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.exceptions.AlreadyExistsException;

/**
 * Creates IceGate's namespace and tables if they are missing. Idempotent and safe to race: every
 * service instance runs it at start, and the loser of a create race simply loads the winner's
 * table.
 */
public final class LakeTableCreator {
  private final Catalog catalog;
  private final SupportsNamespaces namespaces;

  public <C extends Catalog & SupportsNamespaces> LakeTableCreator(C catalog) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.namespaces = catalog;
  }

  /** Ensures every table of {@link LakeTables#all()} exists; returns them in that order. */
  public List<Table> createMissing() {
    if (!namespaces.namespaceExists(LakeTables.NAMESPACE)) {
      try {
        namespaces.createNamespace(
            LakeTables.NAMESPACE, Map.of("comment", "IceGate observability tables"));
      } catch (AlreadyExistsException e) {
        // Another instance created it first.
      }
    }
    List<Table> tables = new ArrayList<>();
    for (TableDefinition definition : LakeTables.all()) {
      tables.add(createIfMissing(definition));
    }
    return tables;
  }

  private Table createIfMissing(TableDefinition definition) {
    if (catalog.tableExists(definition.identifier())) {
      return catalog.loadTable(definition.identifier());
    }
    try {
      return catalog
          .buildTable(definition.identifier(), definition.schema())
          .withPartitionSpec(definition.spec())
          .withSortOrder(definition.sortOrder())
          .withProperties(definition.properties())
          .create();
    } catch (AlreadyExistsException e) {
      return catalog.loadTable(definition.identifier());
    }
  }
}
