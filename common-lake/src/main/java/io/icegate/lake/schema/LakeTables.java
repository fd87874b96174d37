package io.icegate.lake.schema;

import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/**
 * IceGate's four signal tables in namespace {@code icegate} (DESIGN.md §5): format v2, Parquet with
 * zstd, partitioned by tenant and day, sorted for their typical lookups. Column docs and the OTLP
 * mapping are in docs/schema.md.
 */
public final class LakeTables {
  public static final Namespace NAMESPACE = Namespace.of("icegate");

  private LakeTables() {}

  public static TableDefinition logs() {
    FieldIds ids = new FieldIds();
    List<NestedField> columns = new ArrayList<>(CommonColumns.columns(ids));
    columns.addAll(LogColumns.columns());
    // Log lookups by trace id (a span's logs) skip row groups by the bloom filter. Sized for the
    // distinct trace ids of a row group (~100k at 1% false positives, 128 KiB) rather than
    // Parquet's 1 MiB maximum, which every small shift file would otherwise carry.
    Map<String, String> bloom =
        Map.of(
            TableProperties.PARQUET_BLOOM_FILTER_COLUMN_ENABLED_PREFIX + "trace_id", "true",
            TableProperties.PARQUET_BLOOM_FILTER_COLUMN_NDV_PREFIX + "trace_id", "100000");
    return define("logs", new Schema(columns), bloom, "service_name", "timestamp");
  }

  public static TableDefinition events() {
    FieldIds ids = new FieldIds();
    List<NestedField> columns = new ArrayList<>(CommonColumns.columns(ids));
    columns.addAll(LogColumns.columns());
    columns.add(
        required(
            18, "event_name", Types.StringType.get(), "OpenTelemetry event name (event_name)"));
    return define("events", new Schema(columns), Map.of(), "event_name", "timestamp");
  }

  public static TableDefinition spans() {
    FieldIds ids = new FieldIds();
    List<NestedField> columns = new ArrayList<>(CommonColumns.columns(ids));
    columns.addAll(SpanColumns.columns(ids));
    // Trace lookups by id are the common query; bloom filters let them skip row groups.
    Map<String, String> bloom =
        Map.of(
            TableProperties.PARQUET_BLOOM_FILTER_COLUMN_ENABLED_PREFIX + "trace_id", "true",
            TableProperties.PARQUET_BLOOM_FILTER_COLUMN_ENABLED_PREFIX + "span_id", "true");
    return define("spans", new Schema(columns), bloom, "trace_id", "timestamp");
  }

  public static TableDefinition metrics() {
    FieldIds ids = new FieldIds();
    List<NestedField> columns = new ArrayList<>(CommonColumns.columns(ids));
    columns.addAll(MetricColumns.columns(ids));
    return define(
        "metrics", new Schema(columns), Map.of(), "metric_name", "service_name", "timestamp");
  }

  public static List<TableDefinition> all() {
    return List.of(logs(), spans(), metrics(), events());
  }

  private static TableDefinition define(
      String name, Schema declared, Map<String, String> extraProperties, String... sortColumns) {
    // Iceberg renumbers every field when it creates a table (top level 1..n, then nested fields
    // in order). Numbering the same way here makes the ids we write into WAL segments the ids the
    // table gets; SchemaGoldenTest pins them.
    AtomicInteger lastId = new AtomicInteger();
    Schema schema = TypeUtil.assignFreshIds(declared, lastId::incrementAndGet);
    PartitionSpec spec =
        PartitionSpec.builderFor(schema)
            .identity(CommonColumns.TENANT_ID)
            .day(CommonColumns.TIMESTAMP)
            .build();
    SortOrder.Builder order = SortOrder.builderFor(schema);
    for (String column : sortColumns) {
      order.asc(column);
    }
    Map<String, String> properties = new HashMap<>(extraProperties);
    properties.put(TableProperties.FORMAT_VERSION, "2");
    properties.put(TableProperties.DEFAULT_FILE_FORMAT, "parquet");
    properties.put(TableProperties.PARQUET_COMPRESSION, "zstd");
    return new TableDefinition(
        TableIdentifier.of(NAMESPACE, name), schema, spec, order.build(), properties);
  }
}
