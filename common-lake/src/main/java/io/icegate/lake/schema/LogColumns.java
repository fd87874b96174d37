package io.icegate.lake.schema;

import static org.apache.iceberg.types.Types.NestedField.optional;

import java.util.List;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/** Columns of an OTLP log record, shared by {@code logs} and {@code events} (ids 10–17). */
final class LogColumns {
  private LogColumns() {}

  static List<NestedField> columns() {
    return List.of(
        optional(
            10,
            "observed_timestamp",
            Types.TimestampType.withZone(),
            "When the collector observed the record"),
        optional(11, "severity_number", Types.IntegerType.get(), "OTLP SeverityNumber, 0–24"),
        optional(12, "severity_text", Types.StringType.get(), "Severity as the source wrote it"),
        optional(13, "body", Types.StringType.get(), "String body as is, other bodies as JSON"),
        optional(14, "trace_id", CommonColumns.traceId(), "Trace id, 16 bytes"),
        optional(15, "span_id", CommonColumns.spanId(), "Span id, 8 bytes"),
        optional(16, "flags", Types.IntegerType.get(), "W3C trace flags"),
        optional(
            17,
            "dropped_attributes_count",
            Types.IntegerType.get(),
            "Attributes dropped by the sender or by IceGate's limits"));
  }
}
