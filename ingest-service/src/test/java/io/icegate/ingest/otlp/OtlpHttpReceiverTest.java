package io.icegate.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalSignal;
import io.icegate.proto.v1.WalBatch;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OTLP/HTTP end to end: the conformance files and their protobuf twins land in the WAL as mapped. */
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

    assertLanded(WalSignal.LOGS, new LogRecordMapper().map("conformance", OtlpJson.decodeLogs(logs), Instant.EPOCH).rows("logs"));
    assertLanded(WalSignal.EVENTS, new LogRecordMapper().map("conformance", OtlpJson.decodeLogs(events), Instant.EPOCH).rows("events"));
    assertLanded(WalSignal.SPANS, new SpanMapper().map("conformance", OtlpJson.decodeTraces(traces), Instant.EPOCH).rows("spans"));
    assertLanded(WalSignal.METRICS, new MetricPointMapper().map("conformance", OtlpJson.decodeMetrics(metrics), Instant.EPOCH).rows("metrics"));
  }

  private static void assertLanded(WalSignal signal, List<Record> expected) {
    assertThat(expected).isNotEmpty();
    assertThat(server.rows(signal, batch -> batch.getTenant().equals("conformance")))
        .as(signal.id())
        .containsAll(expected);
  }
}
