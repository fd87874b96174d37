package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpRequests.logs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.icegate.lake.wal.WalSignal;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request is acknowledged only when its WAL append completes: with the WAL holding appends, the
 * HTTP answer and the gRPC response stay out (the append has reached the WAL, so this is not a
 * matter of timing); once the WAL acknowledges, the client gets its 200 / OK and the rows are
 * there.
 */
class OtlpAckTest {
  @TempDir static Path root;
  private static SwitchableWalSink sink;
  private static IngestServer server;

  @BeforeAll
  static void start() {
    sink = new SwitchableWalSink();
    server = IngestServer.start(root, Map.of(), sink);
  }

  @AfterAll
  static void stop() {
    server.close();
    sink.close();
  }

  @AfterEach
  void write() {
    sink.release();
  }

  @Test
  void httpAnswerWaitsForTheWal() {
    sink.mode(SwitchableWalSink.Mode.HOLD);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.httpEndpoint() + "/v1/logs"))
            .header("Content-Type", "application/x-protobuf")
            .header("X-Scope-OrgID", "ack-http")
            .POST(HttpRequest.BodyPublishers.ofByteArray(logs("held").toByteArray()))
            .build();
    CompletableFuture<HttpResponse<byte[]>> answer =
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());

    await().atMost(Duration.ofSeconds(20)).until(() -> sink.held() == 1 || answer.isDone());
    assertThat(answer).as("answered before the WAL acknowledged").isNotDone();
    sink.release();

    assertThat(answer.join().statusCode()).isEqualTo(200);
    assertThat(bodiesOf("ack-http")).containsExactly("held");
  }

  @Test
  void grpcResponseWaitsForTheWal() {
    sink.mode(SwitchableWalSink.Mode.HOLD);
    try (SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .addLogRecordProcessor(
                SimpleLogRecordProcessor.create(
                    OtlpGrpcLogRecordExporter.builder()
                        .setEndpoint(server.grpcEndpoint())
                        .addHeader("X-Scope-OrgID", "ack-grpc")
                        .setTimeout(Duration.ofSeconds(60))
                        .build()))
            .build()) {
      provider.get("ack").logRecordBuilder().setBody("held").emit();
      CompletableResultCode flushed = provider.forceFlush();

      await().atMost(Duration.ofSeconds(20)).until(() -> sink.held() == 1 || flushed.isDone());
      assertThat(flushed.isDone()).as("acknowledged before the WAL did").isFalse();
      sink.release();

      assertThat(flushed.join(20, TimeUnit.SECONDS).isSuccess()).isTrue();
    }
    assertThat(bodiesOf("ack-grpc")).containsExactly("held");
  }

  private static java.util.List<Object> bodiesOf(String tenant) {
    return sink.rows(WalSignal.LOGS).stream()
        .filter(r -> tenant.equals(r.getField("tenant_id")))
        .map(r -> r.getField("body"))
        .toList();
  }
}
