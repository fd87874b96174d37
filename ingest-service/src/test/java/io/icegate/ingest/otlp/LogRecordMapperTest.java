package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpValues.SPAN_ID;
import static io.icegate.ingest.otlp.OtlpValues.TRACE_ID;
import static io.icegate.ingest.otlp.OtlpValues.id;
import static io.icegate.ingest.otlp.OtlpValues.integer;
import static io.icegate.ingest.otlp.OtlpValues.kv;
import static io.icegate.ingest.otlp.OtlpValues.nested;
import static io.icegate.ingest.otlp.OtlpValues.utc;
import static io.icegate.ingest.otlp.OtlpValues.zeros;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

class LogRecordMapperTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-25T10:00:00.123456789Z");
  private static final LogRecordMapper MAPPER = new LogRecordMapper();

  @Test
  void mapsConformanceLogRecordFieldByField() {
    MappedRows rows = mapJson("logs.json");

    assertThat(rows.rejectedCount()).isZero();
    assertThat(rows.rows(LogRecordMapper.EVENTS)).isEmpty();
    assertThat(rows.rows(LogRecordMapper.LOGS)).hasSize(1);
    Record row = rows.rows(LogRecordMapper.LOGS).get(0);
    assertCommonConformanceColumns(row);
    assertThat(row.getField("timestamp")).isEqualTo(utc("2018-12-13T14:51:00.300Z"));
    assertThat(row.getField("timestamp_nanos")).isEqualTo(0);
    assertThat(row.getField("observed_timestamp")).isEqualTo(utc("2018-12-13T14:51:00.300Z"));
    assertThat(row.getField("severity_number")).isEqualTo(10);
    assertThat(row.getField("severity_text")).isEqualTo("Information");
    assertThat(row.getField("body")).isEqualTo("Example log record");
    assertThat((byte[]) row.getField("trace_id")).isEqualTo(TRACE_ID);
    assertThat((byte[]) row.getField("span_id")).isEqualTo(SPAN_ID);
    assertThat(row.getField("flags")).isEqualTo(0);
    assertThat(row.getField("dropped_attributes_count")).isEqualTo(0);
    assertThat(row.getField("attributes"))
        .isEqualTo(
            Map.of(
                "string.attribute", "some string",
                "boolean.attribute", "true",
                "int.attribute", "10",
                "double.attribute", "637.704",
                "array.attribute", "[\"many\",\"values\"]",
                "map.attribute", "{\"some.map.key\":\"some value\"}"));
  }

  @Test
  void routesRecordsWithEventNameToEvents() {
    MappedRows rows = mapJson("events.json");

    assertThat(rows.rows(LogRecordMapper.LOGS)).isEmpty();
    assertThat(rows.rows(LogRecordMapper.EVENTS)).hasSize(1);
    Record row = rows.rows(LogRecordMapper.EVENTS).get(0);
    assertCommonConformanceColumns(row);
    assertThat(row.getField("event_name")).isEqualTo("browser.page_view");
    assertThat(row.getField("timestamp")).isEqualTo(utc("2018-12-13T14:51:00.300Z"));
    assertThat(row.getField("severity_number")).isEqualTo(9);
    assertThat(row.getField("severity_text")).isEqualTo("test severity text");
    assertThat(row.getField("attributes"))
        .isEqualTo(Map.of("event.attribute", "some event attribute"));
    assertThat(row.getField("body"))
        .isEqualTo(
            "{\"type\":0,\"url\":\"https://www.guidgenerator.com/online-guid-generator.aspx\","
                + "\"referrer\":\"https://wwww.google.com\",\"title\":\"Free Online GUID Generator\"}");
    assertThat(row.getField("trace_id")).isNull();
    assertThat(row.getField("span_id")).isNull();
  }

  @Test
  void keepsNanosecondsWithinTheMicrosecond() {
    Record row = mapOne(LogRecord.newBuilder().setTimeUnixNano(1544712660300001234L));

    assertThat(row.getField("timestamp")).isEqualTo(utc("2018-12-13T14:51:00.300001Z"));
    assertThat(row.getField("timestamp_nanos")).isEqualTo(234);
    assertThat(row.getField("observed_timestamp")).isNull();
  }

  @Test
  void timestampZeroTakesTheObservedTime() {
    Record row = mapOne(LogRecord.newBuilder().setObservedTimeUnixNano(1544712660300000999L));

    assertThat(row.getField("timestamp")).isEqualTo(utc("2018-12-13T14:51:00.300000Z"));
    assertThat(row.getField("timestamp_nanos")).isEqualTo(999);
    assertThat(row.getField("observed_timestamp")).isEqualTo(utc("2018-12-13T14:51:00.300Z"));
  }

  @Test
  void timestampAndObservedZeroTakeTheReceiveTime() {
    Record row = mapOne(LogRecord.newBuilder());

    assertThat(row.getField("timestamp")).isEqualTo(utc("2026-11-25T10:00:00.123456Z"));
    assertThat(row.getField("timestamp_nanos")).isEqualTo(789);
    assertThat(row.getField("observed_timestamp")).isNull();
  }

  @Test
  void defaultsServiceNameAndStoresEmptyValuesAsNull() {
    Record row = mapOne(LogRecord.newBuilder().setTimeUnixNano(1));

    assertThat(row.getField("service_name")).isEqualTo("unknown_service");
    assertThat(row.getField("resource_attributes")).isEqualTo(Map.of());
    assertThat(row.getField("scope_name")).isNull();
    assertThat(row.getField("scope_version")).isNull();
    assertThat(row.getField("severity_text")).isNull();
    assertThat(row.getField("body")).isNull();
    assertThat(row.getField("trace_id")).isNull();
    assertThat(row.getField("span_id")).isNull();
    assertThat(row.getField("tenant_id")).isEqualTo("acme");
  }

  @Test
  void storesNonStringBodiesAsJson() {
    Record row = mapOne(LogRecord.newBuilder().setTimeUnixNano(1).setBody(integer(42)));

    assertThat(row.getField("body")).isEqualTo("42");
  }

  @Test
  void rejectsOnlyTheRecordWithAnIdOfTheWrongLength() {
    ScopeLogs scope =
        ScopeLogs.newBuilder()
            .addLogRecords(LogRecord.newBuilder().setTimeUnixNano(1).setTraceId(id(TRACE_ID)))
            .addLogRecords(LogRecord.newBuilder().setTimeUnixNano(2).setTraceId(zeros(5)))
            .addLogRecords(LogRecord.newBuilder().setTimeUnixNano(3).setSpanId(zeros(16)))
            .addLogRecords(LogRecord.newBuilder().setTimeUnixNano(4).setEventName("e"))
            .build();
    MappedRows rows = map(ResourceLogs.newBuilder().addScopeLogs(scope).build());

    assertThat(rows.rejectedCount()).isEqualTo(2);
    assertThat(rows.firstRejection())
        .contains(
            "Cannot store resource_logs[0].scope_logs[0].log_records[1]: trace_id has 5 bytes,"
                + " expected 16");
    assertThat(rows.rows(LogRecordMapper.LOGS)).hasSize(1);
    assertThat(rows.rows(LogRecordMapper.EVENTS)).hasSize(1);
  }

  @Test
  void rejectsOnlyTheRecordWithAttributesNestedTooDeeply() {
    ScopeLogs scope =
        ScopeLogs.newBuilder()
            .addLogRecords(LogRecord.newBuilder().addAttributes(kv("deep", nested(33))))
            .addLogRecords(LogRecord.newBuilder().setBody(nested(32)))
            .build();
    MappedRows rows = map(ResourceLogs.newBuilder().addScopeLogs(scope).build());

    assertThat(rows.rejectedCount()).isEqualTo(1);
    assertThat(rows.firstRejection())
        .contains(
            "Cannot store resource_logs[0].scope_logs[0].log_records[0]: attribute 'deep' nests"
                + " arrays/kvlists deeper than 32 levels");
    assertThat(rows.rows(LogRecordMapper.LOGS)).hasSize(1);
  }

  @Test
  void rejectsEveryRecordOfAResourceWhoseAttributesCannotBeStored() {
    ResourceLogs bad =
        ResourceLogs.newBuilder()
            .setResource(Resource.newBuilder().addAttributes(kv("r", nested(40))))
            .addScopeLogs(
                ScopeLogs.newBuilder()
                    .addLogRecords(LogRecord.getDefaultInstance())
                    .addLogRecords(LogRecord.getDefaultInstance()))
            .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(LogRecord.getDefaultInstance()))
            .build();
    ResourceLogs good =
        ResourceLogs.newBuilder()
            .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(LogRecord.getDefaultInstance()))
            .build();
    MappedRows rows =
        MAPPER.map(
            "acme",
            ExportLogsServiceRequest.newBuilder()
                .addResourceLogs(bad)
                .addResourceLogs(good)
                .build(),
            RECEIVED);

    assertThat(rows.rejectedCount()).isEqualTo(3);
    assertThat(rows.firstRejection())
        .isEqualTo(
            Optional.of(
                "Cannot store resource_logs[0]: resource attribute 'r' nests arrays/kvlists"
                    + " deeper than 32 levels"));
    assertThat(rows.rows(LogRecordMapper.LOGS)).hasSize(1);
  }

  static void assertCommonConformanceColumns(Record row) {
    assertThat(row.getField("tenant_id")).isEqualTo("acme");
    assertThat(row.getField("service_name")).isEqualTo("my.service");
    assertThat(row.getField("resource_attributes")).isEqualTo(Map.of("service.name", "my.service"));
    assertThat(row.getField("scope_name")).isEqualTo("my.library");
    assertThat(row.getField("scope_version")).isEqualTo("1.0.0");
    assertThat(row.getField("scope_attributes"))
        .isEqualTo(Map.of("my.scope.attribute", "some scope attribute"));
  }

  private static MappedRows mapJson(String file) {
    return MAPPER.map("acme", OtlpJson.decodeLogs(ConformanceFiles.otlpJson(file)), RECEIVED);
  }

  private static MappedRows map(ResourceLogs resourceLogs) {
    return MAPPER.map(
        "acme",
        ExportLogsServiceRequest.newBuilder().addResourceLogs(resourceLogs).build(),
        RECEIVED);
  }

  private static Record mapOne(LogRecord.Builder log) {
    MappedRows rows =
        map(
            ResourceLogs.newBuilder()
                .addScopeLogs(ScopeLogs.newBuilder().addLogRecords(log))
                .build());
    assertThat(rows.rejectedCount()).isZero();
    return rows.rows(LogRecordMapper.LOGS).get(0);
  }
}
