package io.icegate.lake.schema;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.catalog.TableIdentifier;

/** Everything needed to create one of IceGate's tables: schema, partitioning, order, properties. */
public record TableDefinition(
    TableIdentifier identifier,
    Schema schema,
    PartitionSpec spec,
    SortOrder sortOrder,
    Map<String, String> properties) {
  public TableDefinition {
    requireNonNull(identifier, "identifier is null");
    requireNonNull(schema, "schema is null");
    requireNonNull(spec, "spec is null");
    requireNonNull(sortOrder, "sortOrder is null");
    properties = Map.copyOf(properties);
  }
}
