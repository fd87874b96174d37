package io.icegate.ingest.otlp;

import static io.opentelemetry.api.common.AttributeKey.booleanArrayKey;
import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleArrayKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longArrayKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.wal.WalSignal;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.LogLimits;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentSelector;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.View;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.AggregationTemporalitySelector;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableMetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableSummaryData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableSummaryPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableValueAtQuantile;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanLimits;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What real clients send is what DuckDB reads back from the WAL's Parquet segments, row for row and
 * field by field: the OpenTelemetry SDK's six OTLP exporters (gRPC and HTTP; logs, events, spans,
 * and metrics of every type with exemplars) and the OTLP/JSON conformance examples. The expected
 * rows are derived from what was sent (the SDK's data objects, the JSON tree) by {@link SdkRows}
 * and {@link JsonRows}, not by the ingest mappers; DuckDB's C++ Parquet reader shares no code with
 * the writer.
 */
class OtlpDuckDbReadBackTest {
  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String SPAN_ID = "b7ad6b7169203331";
  private static final Instant TIME = Instant.parse("2026-11-25T10:00:00.123456789Z");
  private static final Resource RESOURCE =
      Resource.create(
          Attributes.builder()
              .put("service.name", "checkout")
              .put("service.instance.id", "pod-7")
              .put("host.cpus", 8L)
              .put(stringArrayKey("zones"), List.of("eu-1", "eu-2"))
              .build());

  @TempDir static Path root;
  private static IngestServer server;
  private static DuckDbWal duck;

  @BeforeAll
  static void start() {
    server = IngestServer.start(root, Map.of());
    duck = new DuckDbWal(root);
  }

  @AfterAll
  static void stop() {
    duck.close();
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "http"})
  void sdkLogsAndEventsReadBackFieldByField(String transport) {
    String tenant = "duck-logs-" + transport;
    RecordingExporters.Sent<LogRecordData> sent = new RecordingExporters.Sent<>();
    LogRecordExporter exporter = RecordingExporters.logs(logExporter(transport, tenant), sent);
    try (SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .setResource(RESOURCE)
            .setLogLimits(() -> LogLimits.builder().setMaxNumberOfAttributes(4).build())
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
            .build()) {
      Logger logger =
          provider
              .loggerBuilder("checkout.logs")
              .setInstrumentationVersion("1.2.3")
              .setSchemaUrl("https://opentelemetry.io/schemas/1.24.0")
              .build();
      logger
          .logRecordBuilder()
          .setTimestamp(TIME)
          .setObservedTimestamp(TIME.plusMillis(5))
          .setSeverity(Severity.WARN)
          .setSeverityText("WARN")
          .setBody("payment declined: card \"4242\"\nretrying")
          .setAttribute(stringKey("order.id"), "o-1")
          .setAttribute(longKey("attempt"), 3L)
          .setAttribute(doubleKey("amount"), 9.5)
          .setAttribute(booleanKey("retry"), true)
          // Over the SDK's limit of 4: dropped by the SDK and counted.
          .setAttribute(stringKey("extra"), "dropped")
          .setContext(Context.root().with(Span.wrap(remoteSpan())))
          .emit();
      logger
          .logRecordBuilder()
          .setObservedTimestamp(TIME.plusSeconds(1))
          .setBody(
              Value.of(
                  KeyValue.of("user", Value.of("ü-ser")),
                  KeyValue.of("items", Value.of(Value.of(1L), Value.of(2.5), Value.of(true))),
                  KeyValue.of("raw", Value.of(new byte[] {1, 2, (byte) 0xff}))))
          .setAttribute(longArrayKey("codes"), List.of(200L, 503L))
          .setAttribute(doubleArrayKey("ratios"), List.of(0.25, 1.0))
          .setAttribute(booleanArrayKey("flags"), List.of(true, false))
          .emit();
      logger
          .logRecordBuilder()
          .setEventName("checkout.completed")
          .setTimestamp(TIME.plusMillis(7))
          .setSeverity(Severity.INFO)
          .setBody(Value.of(KeyValue.of("total", Value.of(42L))))
          .setAttribute(stringKey("order.id"), "o-1")
          .emit();
      assertSuccess(provider.forceFlush());
    }
    assertAllSucceeded(sent.results());

    List<LogRecordData> logs = sent.items();
    for (WalSignal signal : List.of(WalSignal.LOGS, WalSignal.EVENTS)) {
      List<Map<String, Object>> expected =
          logs.stream()
              .filter(log -> SdkRows.signalOf(log) == signal)
              .map(log -> SdkRows.log(tenant, log))
              .toList();
      assertThat(expected).as("%s sent", signal).isNotEmpty();
      assertThat(duck.rows(signal, tenant)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "http"})
  void sdkSpansReadBackFieldByField(String transport) {
    String tenant = "duck-spans-" + transport;
    RecordingExporters.Sent<SpanData> sent = new RecordingExporters.Sent<>();
    SpanExporter exporter = RecordingExporters.spans(spanExporter(transport, tenant), sent);
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(RESOURCE)
            .setSpanLimits(
                SpanLimits.builder().setMaxNumberOfAttributes(5).setMaxNumberOfEvents(2).build())
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build()) {
      Tracer tracer = provider.get("checkout.traces", "1.2.3");
      Span server =
          tracer
              .spanBuilder("POST /pay")
              .setSpanKind(SpanKind.SERVER)
              .setParent(Context.root().with(Span.wrap(remoteSpan())))
              .setStartTimestamp(TIME)
              .setAttribute("http.route", "/pay")
              .setAttribute(longKey("http.status_code"), 502L)
              .setAttribute(stringArrayKey("tags"), List.of("a", "b"))
              .setAttribute(doubleKey("load"), 0.75)
              .setAttribute(booleanKey("retried"), false)
              .setAttribute("over.limit", "dropped by the SDK")
              .addLink(
                  SpanContext.createFromRemoteParent(
                      "11111111111111111111111111111111",
                      "2222222222222222",
                      TraceFlags.getDefault(),
                      TraceState.builder().put("other", "x").build()),
                  Attributes.of(stringKey("link.kind"), "follows"))
              .startSpan();
      server.addEvent("retry", Attributes.of(longKey("attempt"), 2L), TIME.plusMillis(1));
      server.addEvent("retry", Attributes.of(longKey("attempt"), 3L), TIME.plusMillis(2));
      server.addEvent("over the event limit", TIME.plusMillis(3));
      Span client =
          tracer
              .spanBuilder("charge")
              .setSpanKind(SpanKind.CLIENT)
              .setParent(Context.root().with(server))
              .setStartTimestamp(TIME.plusMillis(10))
              .startSpan();
      client.setStatus(StatusCode.OK);
      client.end(TIME.plusMillis(110));
      server.setStatus(StatusCode.ERROR, "declined");
      server.end(TIME.plusMillis(250));
      tracer
          .spanBuilder("cleanup")
          .setNoParent()
          .setSpanKind(SpanKind.INTERNAL)
          .setStartTimestamp(TIME.plusSeconds(1))
          .startSpan()
          .end(TIME.plusSeconds(1).plusNanos(1));
      assertSuccess(provider.forceFlush());
    }
    assertAllSucceeded(sent.results());

    List<Map<String, Object>> expected =
        sent.items().stream().map(span -> SdkRows.span(tenant, span)).toList();
    assertThat(expected).hasSize(3);
    assertThat(duck.rows(WalSignal.SPANS, tenant)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "http"})
  void sdkMetricsOfEveryTypeReadBackFieldByField(String transport) {
    String tenant = "duck-metrics-" + transport;
    RecordingExporters.Sent<MetricData> sent = new RecordingExporters.Sent<>();
    MetricExporter exporter = RecordingExporters.metrics(metricExporter(transport, tenant), sent);
    Context sampled = Context.root().with(Span.wrap(remoteSpan()));
    try (SdkMeterProvider provider =
        SdkMeterProvider.builder()
            .setResource(RESOURCE)
            .registerView(
                InstrumentSelector.builder().setName("payload.size").build(),
                View.builder()
                    .setAggregation(Aggregation.base2ExponentialBucketHistogram())
                    .build())
            .registerMetricReader(
                PeriodicMetricReader.builder(exporter).setInterval(Duration.ofHours(1)).build())
            .build()) {
      Meter meter =
          provider.meterBuilder("checkout.metrics").setInstrumentationVersion("1.2.3").build();
      Attributes eu = Attributes.of(stringKey("region"), "eu");
      meter
          .counterBuilder("orders")
          .setDescription("Orders")
          .setUnit("{order}")
          .build()
          .add(5, eu, sampled);
      meter.upDownCounterBuilder("queue.depth").ofDoubles().build().add(-2.5, eu);
      meter.gaugeBuilder("temperature").setUnit("Cel").build().set(21.5, eu);
      meter.gaugeBuilder("threads").ofLongs().buildWithCallback(m -> m.record(12, eu));
      var latency = meter.histogramBuilder("latency").setUnit("ms").build();
      latency.record(3.0, eu, sampled);
      latency.record(30.0, eu);
      var size = meter.histogramBuilder("payload.size").ofLongs().setUnit("By").build();
      for (long bytes : new long[] {0, 1, 100, 1_000, 1_000_000}) {
        size.record(bytes, eu);
      }
      assertSuccess(provider.forceFlush());
      // The SDK has no summary instrument; its exporters still send SummaryData as OTLP.
      assertSuccess(exporter.export(List.of(summary())));
    }
    assertAllSucceeded(sent.results());

    List<Map<String, Object>> expected = new ArrayList<>();
    sent.items().forEach(metric -> expected.addAll(SdkRows.metric(tenant, metric)));
    assertThat(expected)
        .extracting(row -> row.get("metric_type"))
        .contains("gauge", "sum", "histogram", "exponential_histogram", "summary");
    assertThat(expected)
        .as("exemplars of measurements in a sampled span")
        .anyMatch(row -> row.get("exemplars") instanceof List<?> list && !list.isEmpty());
    assertThat(duck.rows(WalSignal.METRICS, tenant)).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void conformanceExamplesReadBackFieldByField() {
    String tenant = "duck-conformance";
    Map<String, String> paths =
        Map.of(
            "logs.json", "/v1/logs",
            "events.json", "/v1/logs",
            "trace.json", "/v1/traces",
            "metrics.json", "/v1/metrics");
    Map<WalSignal, List<Map<String, Object>>> expected = new java.util.EnumMap<>(WalSignal.class);
    paths.forEach(
        (file, path) -> {
          byte[] json = ConformanceFiles.otlpJson(file);
          HttpResponse<byte[]> response =
              server.post(path, json, "Content-Type", "application/json", "X-Scope-OrgID", tenant);
          assertThat(response.statusCode()).as(file).isEqualTo(200);
          assertThat(new String(response.body())).as(file).isEqualTo("{}");
          JsonRows.of(tenant, json)
              .forEach(
                  (signal, rows) ->
                      expected.computeIfAbsent(signal, s -> new ArrayList<>()).addAll(rows));
        });

    for (WalSignal signal : WalSignal.values()) {
      assertThat(expected.get(signal)).as("%s in the examples", signal).isNotEmpty();
      assertThat(duck.rows(signal, tenant))
          .as(signal.id())
          .containsExactlyInAnyOrderElementsOf(expected.get(signal));
    }
  }

  private static MetricData summary() {
    long start = TimeUnit.SECONDS.toNanos(TIME.getEpochSecond());
    return ImmutableMetricData.createDoubleSummary(
        RESOURCE,
        InstrumentationScopeInfo.builder("checkout.metrics").setVersion("1.2.3").build(),
        "request.duration",
        "Request duration quantiles",
        "s",
        ImmutableSummaryData.create(
            List.of(
                ImmutableSummaryPointData.create(
                    start,
                    start + 60_000_000_007L,
                    Attributes.of(stringKey("route"), "/pay"),
                    10,
                    4.25,
                    List.of(
                        ImmutableValueAtQuantile.create(0.0, 0.1),
                        ImmutableValueAtQuantile.create(0.5, 0.3),
                        ImmutableValueAtQuantile.create(1.0, 1.5))))));
  }

  private static LogRecordExporter logExporter(String transport, String tenant) {
    return transport.equals("grpc")
        ? OtlpGrpcLogRecordExporter.builder()
            .setEndpoint(server.grpcEndpoint())
            .addHeader("X-Scope-OrgID", tenant)
            .build()
        : OtlpHttpLogRecordExporter.builder()
            .setEndpoint(server.httpEndpoint() + "/v1/logs")
            .addHeader("X-Scope-OrgID", tenant)
            .setCompression("gzip")
            .build();
  }

  private static SpanExporter spanExporter(String transport, String tenant) {
    return transport.equals("grpc")
        ? OtlpGrpcSpanExporter.builder()
            .setEndpoint(server.grpcEndpoint())
            .addHeader("X-Scope-OrgID", tenant)
            .setCompression("gzip")
            .build()
        : OtlpHttpSpanExporter.builder()
            .setEndpoint(server.httpEndpoint() + "/v1/traces")
            .addHeader("X-Scope-OrgID", tenant)
            .build();
  }

  private static MetricExporter metricExporter(String transport, String tenant) {
    // Cumulative (the SDK default) over gRPC, delta over HTTP: both temporalities are stored.
    return transport.equals("grpc")
        ? OtlpGrpcMetricExporter.builder()
            .setEndpoint(server.grpcEndpoint())
            .addHeader("X-Scope-OrgID", tenant)
            .setCompression("gzip")
            .build()
        : OtlpHttpMetricExporter.builder()
            .setEndpoint(server.httpEndpoint() + "/v1/metrics")
            .addHeader("X-Scope-OrgID", tenant)
            .setAggregationTemporalitySelector(AggregationTemporalitySelector.deltaPreferred())
            .build();
  }

  private static SpanContext remoteSpan() {
    return SpanContext.createFromRemoteParent(
        TRACE_ID,
        SPAN_ID,
        TraceFlags.getSampled(),
        TraceState.builder().put("vendor", "abc").put("rojo", "00f067aa0ba902b7").build());
  }

  private static void assertAllSucceeded(List<CompletableResultCode> results) {
    assertThat(results).isNotEmpty();
    results.forEach(OtlpDuckDbReadBackTest::assertSuccess);
  }

  private static void assertSuccess(CompletableResultCode result) {
    assertThat(result.join(20, TimeUnit.SECONDS).isSuccess()).as("export succeeded").isTrue();
  }
}
