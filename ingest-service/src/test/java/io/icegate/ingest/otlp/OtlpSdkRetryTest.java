package io.icegate.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.icegate.lake.wal.WalSignal;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.RetryPolicy;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retryable answers work with real retrying clients: the OpenTelemetry SDK's OTLP exporters
 * (gRPC and HTTP, retry policy on) resend on 503 / UNAVAILABLE (WAL refusing appends) and on 429 /
 * RESOURCE_EXHAUSTED (tenant over its ingest rate) until the request is stored, and the refused
 * attempts store nothing, so each record lands exactly once.
 */
class OtlpSdkRetryTest {
  private static final RetryPolicy RETRY =
      RetryPolicy.builder()
          // The SDK allows at most 5 attempts; backoffs of ~0.5, 1, 2, 2 s leave the 8000 bytes/s
          // bucket ample time to refill.
          .setMaxAttempts(5)
          .setInitialBackoff(Duration.ofMillis(500))
          .setMaxBackoff(Duration.ofSeconds(2))
          .setBackoffMultiplier(2)
          .build();

  @TempDir static Path root;
  private static SwitchableWalSink sink;
  private static IngestServer server;

  @BeforeAll
  static void start() {
    sink = new SwitchableWalSink();
    server =
        IngestServer.start(
            root,
            Map.of(
                "icegate.ingest.limits.tenant-rate-bytes-per-second", 8000,
                "icegate.ingest.limits.tenant-burst-bytes", 4000,
                "icegate.ingest.limits.retry-after", "1s"),
            sink);
  }

  @AfterAll
  static void stop() {
    server.close();
    sink.close();
  }

  @AfterEach
  void write() {
    sink.mode(SwitchableWalSink.Mode.WRITE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "http"})
  void walRefusalsAreRetriedUntilStoredOnce(String transport) {
    String tenant = "retry-wal-" + transport;
    int refusedBefore = sink.refusals();
    sink.mode(SwitchableWalSink.Mode.REFUSE);
    try (SdkLoggerProvider provider = provider(exporter(transport, tenant))) {
      provider.get("retry").logRecordBuilder().setBody("kept despite a full WAL").emit();
      // The exporter's first attempts are refused (503 / UNAVAILABLE); then the WAL takes appends.
      await().atMost(Duration.ofSeconds(20)).until(() -> sink.refusals() >= refusedBefore + 2);
      sink.mode(SwitchableWalSink.Mode.WRITE);
      assertSuccess(provider.forceFlush());
    }

    assertThat(rows(tenant))
        .extracting(r -> r.getField("body"))
        .containsExactly("kept despite a full WAL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "http"})
  void rateLimitedExportsAreRetriedUntilTheBucketRefills(String transport) {
    String tenant = "retry-rate-" + transport;
    // Each request (~3 KB of decoded OTLP) takes most of the 4000-byte bucket, which refills at
    // 8000 bytes/s: sent at once, the second and third are refused at first (429 /
    // RESOURCE_EXHAUSTED).
    String body = "x".repeat(3000);
    try (SdkLoggerProvider provider = provider(exporter(transport, tenant))) {
      for (int i = 0; i < 3; i++) {
        provider.get("retry").logRecordBuilder().setBody(body + i).emit();
      }
      assertSuccess(provider.forceFlush());
    }

    assertThat(rows(tenant))
        .extracting(r -> r.getField("body"))
        .containsExactlyInAnyOrder(body + 0, body + 1, body + 2);
    assertThat(server.get("/metrics"))
        .containsPattern(
            "icegate_ingest_requests_total\\{[^}]*outcome=\"rate_limited\",signal=\"logs\",transport=\""
                + transport
                + "\"}");
  }

  private static List<Record> rows(String tenant) {
    return sink.rows(WalSignal.LOGS).stream()
        .filter(r -> tenant.equals(r.getField("tenant_id")))
        .toList();
  }

  private static SdkLoggerProvider provider(LogRecordExporter exporter) {
    return SdkLoggerProvider.builder()
        .addLogRecordProcessor(SimpleLogRecordProcessor.create(exporter))
        .build();
  }

  private static LogRecordExporter exporter(String transport, String tenant) {
    return transport.equals("grpc")
        ? OtlpGrpcLogRecordExporter.builder()
            .setEndpoint(server.grpcEndpoint())
            .addHeader("X-Scope-OrgID", tenant)
            .setRetryPolicy(RETRY)
            .build()
        : OtlpHttpLogRecordExporter.builder()
            .setEndpoint(server.httpEndpoint() + "/v1/logs")
            .addHeader("X-Scope-OrgID", tenant)
            .setRetryPolicy(RETRY)
            .build();
  }

  private static void assertSuccess(CompletableResultCode result) {
    assertThat(result.join(30, TimeUnit.SECONDS).isSuccess()).as("export succeeded").isTrue();
  }
}
