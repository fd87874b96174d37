package io.icegate.lake.schema;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.List;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/** Columns every signal table starts with (DESIGN.md §5); ids 1–9 in every table. */
final class CommonColumns {
  static final String TENANT_ID = "tenant_id";
  static final String TIMESTAMP = "timestamp";
  static final String SERVICE_NAME = "service_name";

  private CommonColumns() {}

  static List<NestedField> columns(FieldIds ids) {
    return List.of(
        required(1, TENANT_ID, Types.StringType.get(), "Tenant (X-Scope-OrgID)"),
        required(2, TIMESTAMP, Types.TimestampType.withZone(), "Event time, microseconds"),
        optional(
            3, "timestamp_nanos", Types.IntegerType.get(), "Nanoseconds within the microsecond"),
        optional(4, SERVICE_NAME, Types.StringType.get(), "Resource service.name"),
        optional(5, "resource_attributes", stringMap(ids), "Resource attributes"),
        optional(6, "scope_name", Types.StringType.get(), "Instrumentation scope name"),
        optional(7, "scope_version", Types.StringType.get(), "Instrumentation scope version"),
        optional(8, "scope_attributes", stringMap(ids), "Instrumentation scope attributes"),
        optional(9, "attributes", stringMap(ids), "Record attributes"));
  }

  /** OTLP attributes: string values as is, other AnyValues as canonical JSON. */
  static Types.MapType stringMap(FieldIds ids) {
    return Types.MapType.ofOptional(
        ids.next(), ids.next(), Types.StringType.get(), Types.StringType.get());
  }

  static Types.FixedType traceId() {
    return Types.FixedType.ofLength(16);
  }

  static Types.FixedType spanId() {
    return Types.FixedType.ofLength(8);
  }
}
