package io.icegate.lake.schema;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.List;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/** Columns of an OTLP span (ids 10–25). */
final class SpanColumns {
  private SpanColumns() {}

  static List<NestedField> columns(FieldIds ids) {
    return List.of(
        required(10, "trace_id", CommonColumns.traceId(), "Trace id, 16 bytes"),
        required(11, "span_id", CommonColumns.spanId(), "Span id, 8 bytes"),
        optional(12, "parent_span_id", CommonColumns.spanId(), "Parent span id; null for roots"),
        optional(13, "trace_state", Types.StringType.get(), "W3C tracestate"),
        optional(14, "name", Types.StringType.get(), "Span name"),
        optional(15, "kind", Types.IntegerType.get(), "OTLP SpanKind, 0–5"),
        optional(16, "end_timestamp", Types.TimestampType.withZone(), "End time, microseconds"),
        optional(17, "duration_nanos", Types.LongType.get(), "End minus start, exact nanoseconds"),
        optional(18, "status_code", Types.IntegerType.get(), "OTLP StatusCode, 0–2"),
        optional(19, "status_message", Types.StringType.get(), "Status description"),
        optional(20, "flags", Types.IntegerType.get(), "W3C trace flags"),
        optional(
            21,
            "events",
            Types.ListType.ofOptional(
                ids.next(),
                Types.StructType.of(
                    optional(ids.next(), "time_unix_nano", Types.LongType.get()),
                    optional(ids.next(), "name", Types.StringType.get()),
                    optional(ids.next(), "attributes", CommonColumns.stringMap(ids)),
                    optional(ids.next(), "dropped_attributes_count", Types.IntegerType.get()))),
            "Span events"),
        optional(
            22,
            "links",
            Types.ListType.ofOptional(
                ids.next(),
                Types.StructType.of(
                    optional(ids.next(), "trace_id", CommonColumns.traceId()),
                    optional(ids.next(), "span_id", CommonColumns.spanId()),
                    optional(ids.next(), "trace_state", Types.StringType.get()),
                    optional(ids.next(), "attributes", CommonColumns.stringMap(ids)),
                    optional(ids.next(), "flags", Types.IntegerType.get()),
                    optional(ids.next(), "dropped_attributes_count", Types.IntegerType.get()))),
            "Span links"),
        optional(23, "dropped_attributes_count", Types.IntegerType.get(), "Dropped attributes"),
        optional(24, "dropped_events_count", Types.IntegerType.get(), "Dropped events"),
        optional(25, "dropped_links_count", Types.IntegerType.get(), "Dropped links"));
  }
}
