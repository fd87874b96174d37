package io.icegate.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalSignal;
import io.icegate.proto.v1.WalBatch;
import io.micronaut.context.env.Environment;
import io.micronaut.http.server.HttpServerConfiguration;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OTLP/HTTP end to end: the conformance files and their protobuf twins land in the WAL as mapped.
 */
class OtlpHttpReceiverTest {
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

  @Test
  void conformanceJsonFilesLandInTheWalAsMapped() throws Exception {
    byte[] logs = ConformanceFiles.otlpJson("logs.json");
    byte[] events = ConformanceFiles.otlpJson("events.json");
    byte[] traces = ConformanceFiles.otlpJson("trace.json");
    byte[] metrics = ConformanceFiles.otlpJson("metrics.json");

    for (String[] call :
        List.of(
            new String[] {"/v1/logs", "logs.json"},
            new String[] {"/v1/logs", "events.json"},
            new String[] {"/v1/traces", "trace.json"},
            new String[] {"/v1/metrics", "metrics.json"})) {
      HttpResponse<byte[]> response =
          server.post(
              call[0],
              ConformanceFiles.otlpJson(call[1]),
              "Content-Type",
              "application/json",
              "X-Scope-OrgID",
              "conformance");
      assertThat(response.statusCode()).as(call[1]).isEqualTo(200);
      assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
      assertThat(new String(response.body(), StandardCharsets.UTF_8)).as(call[1]).isEqualTo("{}");
    }

    assertLanded(
        WalSignal.LOGS,
        new LogRecordMapper()
            .map("conformance", OtlpJson.decodeLogs(logs), Instant.EPOCH)
            .rows("logs"));
    assertLanded(
        WalSignal.EVENTS,
        new LogRecordMapper()
            .map("conformance", OtlpJson.decodeLogs(events), Instant.EPOCH)
            .rows("events"));
    assertLanded(
        WalSignal.SPANS,
        new SpanMapper()
            .map("conformance", OtlpJson.decodeTraces(traces), Instant.EPOCH)
            .rows("spans"));
    assertLanded(
        WalSignal.METRICS,
        new MetricPointMapper()
            .map("conformance", OtlpJson.decodeMetrics(metrics), Instant.EPOCH)
            .rows("metrics"));
  }

  @Test
  void protobufJsonAndGzipOfOneRequestShareTheBatchId() {
    byte[] json = ConformanceFiles.otlpJson("logs.json");
    byte[] protobuf = OtlpJson.decodeLogs(json).toByteArray();

    for (String[] headers :
        List.of(
            new String[] {"Content-Type", "application/json"},
            new String[] {"Content-Type", "application/x-protobuf"},
            new String[] {"Content-Type", "application/x-protobuf", "Content-Encoding", "gzip"})) {
      byte[] body = headers[1].equals("application/json") ? json : protobuf;
      if (headers.length > 2) {
        body = OtlpRequests.gzip(body);
      }
      String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
      all[headers.length] = "X-Scope-OrgID";
      all[headers.length + 1] = "retries";
      assertThat(server.post("/v1/logs", body, all).statusCode()).isEqualTo(200);
    }

    List<WalBatch> batches =
        server.batches(WalSignal.LOGS).stream()
            .filter(batch -> batch.getTenant().equals("retries"))
            .toList();
    assertThat(batches).hasSize(3);
    assertThat(batches)
        .extracting(WalBatch::getBatchId)
        .containsOnly(BatchIds.of(new TenantId("retries"), WalSignal.LOGS, protobuf));
  }

  @Test
  void partialSuccessIsAnsweredInTheRequestEncoding() {
    String json =
        "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":["
            + "{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\","
            + "\"name\":\"kept\",\"startTimeUnixNano\":\"1764064800000000000\"},"
            + "{\"traceId\":\"\",\"spanId\":\"eee19b7ec3c1b174\",\"name\":\"no trace id\"}"
            + "]}]}]}";

    HttpResponse<byte[]> response =
        server.post(
            "/v1/traces",
            json.getBytes(StandardCharsets.UTF_8),
            "Content-Type",
            "application/json; charset=utf-8",
            "X-Scope-OrgID",
            "partial-json");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .startsWith("{\"partialSuccess\":{\"rejectedSpans\":\"1\",\"errorMessage\":\"Cannot store")
        .contains("spans[1]");
    assertThat(server.rows(WalSignal.SPANS, batch -> batch.getTenant().equals("partial-json")))
        .extracting(row -> row.getField("name"))
        .containsExactly("kept");
  }

  @Test
  void sizeCapsOfMicronautAndGrpcFollowTheIngestLimits() {
    assertThat(server.bean(HttpServerConfiguration.class).getMaxRequestSize())
        .isEqualTo(IngestLimits.defaults().maxRequestBytes());
    assertThat(
            server
                .bean(Environment.class)
                .getProperty("grpc.server.max-inbound-message-size", Integer.class))
        .hasValue(Math.toIntExact(IngestLimits.defaults().maxDecompressedBytes()));
    assertThat(server.bean(IngestLimits.class)).isEqualTo(IngestLimits.defaults());
  }

  private static void assertLanded(WalSignal signal, List<Record> expected) {
    assertThat(expected).isNotEmpty();
    assertThat(server.rows(signal, batch -> batch.getTenant().equals("conformance")))
        .as(signal.id())
        .containsAll(expected);
  }
}
