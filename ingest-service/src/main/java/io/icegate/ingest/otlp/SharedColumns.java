package io.icegate.ingest.otlp;

import java.time.Instant;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;

/**
 * Starts a row of one of the lake tables with the columns every table shares (DESIGN.md §5):
 * tenant, time, resource and scope. Mappers then set the columns of their signal.
 */
final class SharedColumns {
  private SharedColumns() {}

  /** An empty row of the schema, reusing the schema's name-to-position lookup. */
  static Record template(Schema schema) {
    return GenericRecord.create(schema);
  }

  static Record start(
      Record template, String tenantId, ResourceColumns resource, ScopeColumns scope) {
    Record row = template.copy();
    row.setField("tenant_id", tenantId);
    resource.writeTo(row);
    scope.writeTo(row);
    return row;
  }

  /**
   * Sets {@code timestamp} and {@code timestamp_nanos}; a time of 0 ("unknown" in OTLP) takes the
   * receive time instead.
   */
  static void setTime(Record row, long unixNanos, Instant receivedAt, String field) {
    long nanos = unixNanos != 0 ? unixNanos : UnixNanos.of(receivedAt);
    row.setField("timestamp", UnixNanos.micros(nanos, field));
    row.setField("timestamp_nanos", UnixNanos.nanosWithinMicro(nanos));
  }

  /** Proto3 cannot tell an empty string from an absent one; the lake stores both as null. */
  static String text(String value) {
    return value.isEmpty() ? null : value;
  }
}
