package io.icegate.ingest.otlp;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.schema.LakeTables;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.time.Instant;
import org.apache.iceberg.data.Record;

/**
 * Maps an OTLP logs request to rows of {@code logs}, and of {@code events} for log records with a
 * non-empty {@code event_name} (OpenTelemetry events). A record that cannot be stored (an id of the
 * wrong length, attributes nested too deeply) is rejected alone; the rest is kept.
 */
public final class LogRecordMapper {
  public static final String LOGS = LakeTables.logs().identifier().name();
  public static final String EVENTS = LakeTables.events().identifier().name();

  private static final Record LOG_TEMPLATE = SharedColumns.template(LakeTables.logs().schema());
  private static final Record EVENT_TEMPLATE = SharedColumns.template(LakeTables.events().schema());

  /**
   * @param receivedAt the time the request arrived, used when a record has neither a time nor an
   *     observed time
   */
  public MappedRows map(String tenantId, ExportLogsServiceRequest request, Instant receivedAt) {
    requireNonNull(tenantId, "tenantId is null");
    requireNonNull(request, "request is null");
    requireNonNull(receivedAt, "receivedAt is null");
    MappedRows.Builder rows = MappedRows.builder();
    for (int r = 0; r < request.getResourceLogsCount(); r++) {
      ResourceLogs resourceLogs = request.getResourceLogs(r);
      ResourceColumns resource;
      try {
        resource = ResourceColumns.of(resourceLogs.getResource());
      } catch (RecordRejectedException e) {
        rows.reject(recordCount(resourceLogs), e.reasonAt("resource_logs[%d]", r));
        continue;
      }
      for (int s = 0; s < resourceLogs.getScopeLogsCount(); s++) {
        ScopeLogs scopeLogs = resourceLogs.getScopeLogs(s);
        ScopeColumns scope;
        try {
          scope = ScopeColumns.of(scopeLogs.getScope());
        } catch (RecordRejectedException e) {
          rows.reject(
              scopeLogs.getLogRecordsCount(), e.reasonAt("resource_logs[%d].scope_logs[%d]", r, s));
          continue;
        }
        for (int i = 0; i < scopeLogs.getLogRecordsCount(); i++) {
          LogRecord log = scopeLogs.getLogRecords(i);
          try {
            boolean event = !log.getEventName().isEmpty();
            Record row = map(tenantId, resource, scope, log, event, receivedAt);
            rows.add(event ? EVENTS : LOGS, row);
          } catch (RecordRejectedException e) {
            rows.reject(1, e.reasonAt("resource_logs[%d].scope_logs[%d].log_records[%d]", r, s, i));
          }
        }
      }
    }
    return rows.build();
  }

  private static Record map(
      String tenantId,
      ResourceColumns resource,
      ScopeColumns scope,
      LogRecord log,
      boolean event,
      Instant receivedAt) {
    Record row =
        SharedColumns.start(event ? EVENT_TEMPLATE : LOG_TEMPLATE, tenantId, resource, scope);
    // OTLP: a time of 0 is unknown; the observed time is the next best, then our receive time.
    long time = log.getTimeUnixNano() != 0 ? log.getTimeUnixNano() : log.getObservedTimeUnixNano();
    SharedColumns.setTime(row, time, receivedAt, "time_unix_nano");
    row.setField("attributes", AnyValueJson.attributes(log.getAttributesList(), "attribute"));
    row.setField(
        "observed_timestamp",
        UnixNanos.microsOrNull(log.getObservedTimeUnixNano(), "observed_time_unix_nano"));
    row.setField("severity_number", log.getSeverityNumberValue());
    row.setField("severity_text", SharedColumns.text(log.getSeverityText()));
    row.setField(
        "body",
        log.getBody().getValueCase() == AnyValue.ValueCase.VALUE_NOT_SET
            ? null
            : AnyValueJson.toColumn(log.getBody(), "body"));
    row.setField(
        "trace_id", IdBytes.optional(log.getTraceId(), IdBytes.TRACE_ID_LENGTH, "trace_id"));
    row.setField("span_id", IdBytes.optional(log.getSpanId(), IdBytes.SPAN_ID_LENGTH, "span_id"));
    row.setField("flags", log.getFlags());
    row.setField("dropped_attributes_count", log.getDroppedAttributesCount());
    if (event) {
      row.setField("event_name", log.getEventName());
    }
    return row;
  }

  private static long recordCount(ResourceLogs resourceLogs) {
    long count = 0;
    for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
      count += scopeLogs.getLogRecordsCount();
    }
    return count;
  }
}
