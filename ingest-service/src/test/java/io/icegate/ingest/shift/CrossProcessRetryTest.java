package io.icegate.ingest.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.icegate.ingest.IngestApplication;
import io.icegate.ingest.lake.IngestTables;
import io.icegate.lake.runtime.ServiceRuntime;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.wal.WalReader;
import io.icegate.lake.wal.WalSignal;
import io.micronaut.context.ApplicationContext;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ingest services (one context each, own lanes, both shifting) on one local store: an OTLP/HTTP
 * request acknowledged by the first and then retried, byte for byte, to the second is stored once
 * in Iceberg, although both WAL lanes hold it.
 */
class CrossProcessRetryTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final long TIME = 1_764_064_800_000_000_000L;

  @TempDir Path dataDir;

  @Test
  void otlpRequestRetriedToASecondIngestProcessIsStoredOnce() throws Exception {
    try (ApplicationContext first = start("ingest-a-0");
        ApplicationContext second = start("ingest-b-0")) {
      byte[] retried = request("retried 1", "retried 2", "retried 3").toByteArray();
      byte[] single = request("only once").toByteArray();

      assertThat(post(first, retried)).isEqualTo(200);
      assertThat(post(first, single)).isEqualTo(200);
      assertThat(post(second, retried)).as("the client's retry").isEqualTo(200);

      IngestTables tables = first.getBean(IngestTables.class);
      WalReader wal = new WalReader(first.getBean(ObjectStore.class));
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () -> {
                Map<String, Long> committed = tables.committedOffsets(WalSignal.LOGS);
                return List.of("ingest-a-0", "ingest-b-0").stream()
                    .allMatch(
                        lane ->
                            wal.highestSeq(WalSignal.LOGS, lane).orElse(0)
                                    <= committed.getOrDefault(lane, 0L)
                                && committed.containsKey(lane));
              });

      List<String> bodies = new ArrayList<>();
      ShiftFixtures.rows(tables.table(WalSignal.LOGS))
          .forEach(row -> bodies.add(row.substring(row.lastIndexOf('|') + 1)));
      assertThat(bodies)
          .containsExactlyInAnyOrder("retried 1", "retried 2", "retried 3", "only once");
    }
  }

  private ApplicationContext start(String lane) {
    return IngestApplication.start(
        Map.of(
            "micronaut.server.port",
            -1,
            "grpc.server.port",
            freePort(),
            "icegate.storage.root",
            dataDir.toString(),
            "icegate.wal.lanes",
            lane,
            "icegate.wal.flush-interval",
            "20ms",
            "icegate.shift.interval",
            "200ms",
            "icegate.shift.check-interval",
            "100ms"));
  }

  private static int post(ApplicationContext ingest, byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ServiceRuntime.httpPort(ingest) + "/v1/logs"))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    return response.statusCode();
  }

  private static ExportLogsServiceRequest request(String... bodies) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder();
    for (String body : bodies) {
      scope.addLogRecords(
          LogRecord.newBuilder()
              .setTimeUnixNano(TIME)
              .setSeverityNumberValue(9)
              .setBody(AnyValue.newBuilder().setStringValue(body)));
    }
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder()
                .setResource(
                    Resource.newBuilder()
                        .addAttributes(
                            KeyValue.newBuilder()
                                .setKey("service.name")
                                .setValue(AnyValue.newBuilder().setStringValue("svc"))))
                .addScopeLogs(scope))
        .build();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
