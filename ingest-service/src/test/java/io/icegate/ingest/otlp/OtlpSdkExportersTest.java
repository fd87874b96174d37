package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpValues.utc;
import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.wal.WalSignal;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenTelemetry Java SDK's own OTLP exporters, gRPC and HTTP, against the ingest service: what
 * lands in the WAL equals what was sent, field by field. Each transport writes its own tenant; all
 * compress with gzip.
 */
class OtlpSdkExportersTest {
  private static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";
  private static final String SPAN_ID = "eee19b7ec3c1b174";
  private static final Resource RESOURCE =
      Resource.create(
          Attributes.of(stringKey("service.name"), "checkout", stringKey("host.name"), "h1"));
  private static final Instant TIME = Instant.parse("2026-11-25T10:00:00.123456789Z");

  @TempDir static Path root;
  private static IngestServer server;

  @BeforeAll
  static void start() {
    server = IngestServer.start(root, Map.of());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "http"})
  void logsLandFieldByField(String transport) {
    String tenant = "sdk-logs-" + transport;
    LogRecordExporter exporter =
        transport.equals("grpc")
            ? OtlpGrpcLogRecordExporter.builder()
                .setEndpoint(server.grpcEndpoint())
                .addHeader("X-Scope-OrgID", tenant)
                .setCompression("gzip")
                .build()
            : OtlpHttpLogRecordExporter.builder()
                .setEndpoint(server.httpEndpoint() + "/v1/logs")
                .addHeader("X-Scope-OrgID", tenant)
                .setCompression("gzip")
                .build();
    try (SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .setResource(RESOURCE)
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
            .build()) {
      provider
          .loggerBuilder("checkout.scope")
          .setInstrumentationVersion("1.2.3")
          .build()
          .logRecordBuilder()
          .setTimestamp(TIME)
          .setObservedTimestamp(TIME.plusMillis(5))
          .setSeverity(Severity.WARN)
          .setSeverityText("WARN")
          .setBody("payment declined")
          .setAttribute(stringKey("order.id"), "o-1")
          .setAttribute(longKey("attempt"), 3L)
          .setAttribute(doubleKey("amount"), 9.5)
          .setAttribute(booleanKey("retry"), true)
          .setContext(Context.root().with(Span.wrap(remoteSpan())))
          .emit();
      assertSuccess(provider.forceFlush());
    }

    List<Record> rows = rowsOf(WalSignal.LOGS, tenant);
    assertThat(rows).hasSize(1);
    Record row = rows.get(0);
    assertThat(row.getField("tenant_id")).isEqualTo(tenant);
    assertThat(row.getField("timestamp")).isEqualTo(utc("2026-11-25T10:00:00.123456Z"));
    assertThat(row.getField("timestamp_nanos")).isEqualTo(789);
    assertThat(row.getField("observed_timestamp")).isEqualTo(utc("2026-11-25T10:00:00.128456Z"));
    assertThat(row.getField("service_name")).isEqualTo("checkout");
    assertThat(row.getField("resource_attributes"))
        .isEqualTo(Map.of("service.name", "checkout", "host.name", "h1"));
    assertThat(row.getField("scope_name")).isEqualTo("checkout.scope");
    assertThat(row.getField("scope_version")).isEqualTo("1.2.3");
    assertThat(row.getField("scope_attributes")).isEqualTo(Map.of());
    assertThat(row.getField("severity_number")).isEqualTo(Severity.WARN.getSeverityNumber());
    assertThat(row.getField("severity_text")).isEqualTo("WARN");
    assertThat(row.getField("body")).isEqualTo("payment declined");
    assertThat(row.getField("attributes"))
        .isEqualTo(Map.of("order.id", "o-1", "attempt", "3", "amount", "9.5", "retry", "true"));
    assertThat((byte[]) row.getField("trace_id")).isEqualTo(HexFormat.of().parseHex(TRACE_ID));
    assertThat((byte[]) row.getField("span_id")).isEqualTo(HexFormat.of().parseHex(SPAN_ID));
    assertThat(row.getField("flags")).isEqualTo(1);
    assertThat(row.getField("dropped_attributes_count")).isEqualTo(0);
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "http"})
  void spansLandFieldByField(String transport) {
    String tenant = "sdk-spans-" + transport;
    SpanExporter exporter =
        transport.equals("grpc")
            ? OtlpGrpcSpanExporter.builder()
                .setEndpoint(server.grpcEndpoint())
                .addHeader("X-Scope-OrgID", tenant)
                .setCompression("gzip")
                .build()
            : OtlpHttpSpanExporter.builder()
                .setEndpoint(server.httpEndpoint() + "/v1/traces")
                .addHeader("X-Scope-OrgID", tenant)
                .setCompression("gzip")
                .build();
    SpanContext sent;
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(RESOURCE)
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      Span span =
          provider
              .get("checkout.scope", "1.2.3")
              .spanBuilder("POST /pay")
              .setSpanKind(SpanKind.SERVER)
              .setParent(Context.root().with(Span.wrap(remoteSpan())))
              .setStartTimestamp(TIME)
              .setAttribute("http.route", "/pay")
              .startSpan();
      span.addEvent("retry", Attributes.of(longKey("attempt"), 2L), TIME.plusMillis(1));
      span.setStatus(StatusCode.ERROR, "declined");
      span.end(TIME.plusMillis(250));
      sent = span.getSpanContext();
      assertSuccess(provider.forceFlush());
    }

    List<Record> rows = rowsOf(WalSignal.SPANS, tenant);
    assertThat(rows).hasSize(1);
    Record row = rows.get(0);
    assertThat((byte[]) row.getField("trace_id")).isEqualTo(HexFormat.of().parseHex(TRACE_ID));
    assertThat((byte[]) row.getField("span_id")).isEqualTo(sent.getSpanIdBytes());
    assertThat((byte[]) row.getField("parent_span_id")).isEqualTo(HexFormat.of().parseHex(SPAN_ID));
    assertThat(row.getField("name")).isEqualTo("POST /pay");
    assertThat(row.getField("kind")).isEqualTo(2);
    assertThat(row.getField("timestamp")).isEqualTo(utc("2026-11-25T10:00:00.123456Z"));
    assertThat(row.getField("timestamp_nanos")).isEqualTo(789);
    assertThat(row.getField("end_timestamp")).isEqualTo(utc("2026-11-25T10:00:00.373456Z"));
    assertThat(row.getField("duration_nanos")).isEqualTo(250_000_000L);
    assertThat(row.getField("status_code")).isEqualTo(2);
    assertThat(row.getField("status_message")).isEqualTo("declined");
    assertThat(((Integer) row.getField("flags")) & 0xff).isEqualTo(1);
    assertThat(row.getField("service_name")).isEqualTo("checkout");
    assertThat(row.getField("scope_name")).isEqualTo("checkout.scope");
    assertThat(row.getField("scope_version")).isEqualTo("1.2.3");
    assertThat(row.getField("attributes")).isEqualTo(Map.of("http.route", "/pay"));
    List<?> events = (List<?>) row.getField("events");
    assertThat(events).hasSize(1);
    Record event = (Record) events.get(0);
    assertThat(event.getField("name")).isEqualTo("retry");
    assertThat(event.getField("time_unix_nano"))
        .isEqualTo(TimeUnit.SECONDS.toNanos(TIME.getEpochSecond()) + TIME.getNano() + 1_000_000L);
    assertThat(event.getField("attributes")).isEqualTo(Map.of("attempt", "2"));
    assertThat(row.getField("links")).isEqualTo(List.of());
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "http"})
  void metricsLandFieldByField(String transport) {
    String tenant = "sdk-metrics-" + transport;
    MetricExporter exporter =
        transport.equals("grpc")
            ? OtlpGrpcMetricExporter.builder()
                .setEndpoint(server.grpcEndpoint())
                .addHeader("X-Scope-OrgID", tenant)
                .setCompression("gzip")
                .build()
            : OtlpHttpMetricExporter.builder()
                .setEndpoint(server.httpEndpoint() + "/v1/metrics")
                .addHeader("X-Scope-OrgID", tenant)
                .setCompression("gzip")
                .build();
    try (SdkMeterProvider provider =
        SdkMeterProvider.builder()
            .setResource(RESOURCE)
            .registerMetricReader(
                PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build())
            .build()) {
      var meter =
          provider.meterBuilder("checkout.scope").setInstrumentationVersion("1.2.3").build();
      meter
          .counterBuilder("orders")
          .setDescription("Orders taken")
          .setUnit("{order}")
          .build()
          .add(5, Attributes.of(stringKey("region"), "eu"));
      var latency = meter.histogramBuilder("latency").setUnit("ms").build();
      latency.record(3.0, Attributes.of(stringKey("region"), "eu"));
      latency.record(30.0, Attributes.of(stringKey("region"), "eu"));
      assertSuccess(provider.forceFlush());
    }

    // Closing the provider exports once more; the first batch is the forced flush.
    String first =
        server.batches(WalSignal.METRICS).stream()
            .filter(batch -> batch.getTenant().equals(tenant))
            .findFirst()
            .orElseThrow()
            .getBatchId();
    List<Record> rows = server.rows(WalSignal.METRICS, batch -> batch.getBatchId().equals(first));
    assertThat(rows)
        .extracting(r -> r.getField("metric_name"))
        .containsExactlyInAnyOrder("orders", "latency");
    Record orders = find(rows, "orders");
    assertThat(orders.getField("metric_type")).isEqualTo("sum");
    assertThat(orders.getField("description")).isEqualTo("Orders taken");
    assertThat(orders.getField("unit")).isEqualTo("{order}");
    assertThat(orders.getField("is_monotonic")).isEqualTo(true);
    assertThat(orders.getField("aggregation_temporality")).isEqualTo(2);
    assertThat(orders.getField("value_int")).isEqualTo(5L);
    assertThat(orders.getField("value_double")).isNull();
    assertThat(orders.getField("attributes")).isEqualTo(Map.of("region", "eu"));
    assertThat(orders.getField("service_name")).isEqualTo("checkout");
    assertThat(orders.getField("scope_name")).isEqualTo("checkout.scope");
    assertThat(orders.getField("start_timestamp")).isNotNull();
    Record latency = find(rows, "latency");
    assertThat(latency.getField("metric_type")).isEqualTo("histogram");
    assertThat(latency.getField("unit")).isEqualTo("ms");
    assertThat(latency.getField("count")).isEqualTo(2L);
    assertThat(latency.getField("sum")).isEqualTo(33.0);
    assertThat(latency.getField("min")).isEqualTo(3.0);
    assertThat(latency.getField("max")).isEqualTo(30.0);
    // The SDK's default explicit buckets: 0, 5, 10, 25, 50, ...; 3 and 30 fall in the 2nd and 5th.
    List<?> counts = (List<?>) latency.getField("bucket_counts");
    assertThat(counts.get(1)).isEqualTo(1L);
    assertThat(counts.get(4)).isEqualTo(1L);
    assertThat(((List<?>) latency.getField("explicit_bounds")).subList(0, 3))
        .isEqualTo(List.of(0.0, 5.0, 10.0));
  }

  private static Record find(List<Record> rows, String metric) {
    return rows.stream()
        .filter(r -> metric.equals(r.getField("metric_name")))
        .findFirst()
        .orElseThrow();
  }

  private static List<Record> rowsOf(WalSignal signal, String tenant) {
    return server.rows(signal, batch -> batch.getTenant().equals(tenant));
  }

  private static SpanContext remoteSpan() {
    return SpanContext.createFromRemoteParent(
        TRACE_ID, SPAN_ID, TraceFlags.getSampled(), TraceState.getDefault());
  }

  private static void assertSuccess(CompletableResultCode result) {
    assertThat(result.join(20, TimeUnit.SECONDS).isSuccess()).as("export succeeded").isTrue();
  }
}
