package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpRequests.gzip;
import static io.icegate.ingest.otlp.OtlpRequests.log;
import static io.icegate.ingest.otlp.OtlpRequests.logs;
import static io.icegate.ingest.otlp.OtlpRequests.status;
import static io.icegate.ingest.otlp.OtlpValues.kv;
import static io.icegate.ingest.otlp.OtlpValues.nested;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.ByteString;
import com.google.rpc.Code;
import com.google.rpc.Status;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.StatusRuntimeException;
import io.icegate.lake.wal.WalSignal;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per class of bad OTLP/HTTP input: each gets its status and a google.rpc.Status naming
 * the problem, stores nothing, and leaves the service healthy (a good request after it is stored).
 */
class OtlpBadInputTest {
  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";

  @TempDir static Path root;
  private static IngestServer server;
  private static ManagedChannel channel;
  private long batchesBefore;

  @BeforeAll
  static void start() {
    server =
        IngestServer.start(
            root,
            Map.of(
                "icegate.ingest.limits.max-request-bytes", 65536,
                "icegate.ingest.limits.max-decompressed-bytes", 262144,
                "icegate.ingest.limits.max-any-value-nesting", 8));
    channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
  }

  @AfterAll
  static void stop() {
    channel.shutdownNow();
    server.close();
  }

  @BeforeEach
  void countBatches() {
    batchesBefore = server.batchCount();
  }

  @AfterEach
  void serviceStaysHealthy() {
    HttpResponse<byte[]> good =
        server.post("/v1/logs", logs("still fine").toByteArray(), "Content-Type", PROTOBUF);
    assertThat(good.statusCode()).isEqualTo(200);
  }

  @Test
  void malformedProtobufIs400() {
    byte[] body = {0x0a, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};

    assertRejected(
        post(body, PROTOBUF),
        400,
        Code.INVALID_ARGUMENT,
        "Cannot decode OTLP/protobuf logs request:");
  }

  @Test
  void malformedJsonIs400() {
    byte[] body = "{\"resourceLogs\": [".getBytes(StandardCharsets.UTF_8);

    Status status =
        assertRejected(post(body, JSON), 400, Code.INVALID_ARGUMENT, "invalid JSON at line 1");
    assertThat(status.getMessage()).startsWith("Cannot decode OTLP/JSON logs request:");
  }

  @Test
  void wrongContentTypeIs415() {
    HttpResponse<byte[]> response =
        server.post(
            "/v1/logs", "hello".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");

    // An unknown request encoding is answered in JSON, the readable one of OTLP's two.
    assertThat(response.headers().firstValue("content-type")).hasValue(JSON);
    assertRejected(response, 415, Code.INVALID_ARGUMENT, "unsupported Content-Type 'text/plain'");
  }

  @Test
  void badGzipIs400() {
    byte[] body = logs("a").toByteArray();

    assertRejected(
        server.post("/v1/logs", body, "Content-Type", PROTOBUF, "Content-Encoding", "gzip"),
        400,
        Code.INVALID_ARGUMENT,
        "Content-Encoding is gzip but the body is not valid gzip");
  }

  @Test
  void truncatedBodyIs400() {
    byte[] whole = logs("one", "two", "three").toByteArray();
    byte[] body = Arrays.copyOf(whole, whole.length - 7);

    assertRejected(post(body, PROTOBUF), 400, Code.INVALID_ARGUMENT, "input ended unexpectedly");
  }

  @Test
  void truncatedGzipIs400() {
    byte[] whole = gzip(logs("one", "two", "three").toByteArray());
    byte[] body = Arrays.copyOf(whole, whole.length - 12);

    assertRejected(
        server.post("/v1/logs", body, "Content-Type", PROTOBUF, "Content-Encoding", "gzip"),
        400,
        Code.INVALID_ARGUMENT,
        "not valid gzip");
  }

  @Test
  void oversizedBodyIs413() {
    byte[] body = logs("x".repeat(70_000)).toByteArray();

    assertRejected(
        post(body, PROTOBUF), 413, Code.RESOURCE_EXHAUSTED, "exceeds the limit of 65536 bytes");
  }

  @Test
  void zipBombIs413() {
    byte[] body = gzip(logs("0".repeat(4 << 20)).toByteArray());
    assertThat(body.length).isLessThan(65536);

    assertRejected(
        server.post("/v1/logs", body, "Content-Type", PROTOBUF, "Content-Encoding", "gzip"),
        413,
        Code.RESOURCE_EXHAUSTED,
        "decompressed body exceeds the limit of 262144 bytes");
  }

  @Test
  void invalidUtf8InProtobufStringsIs400() {
    byte[] body = logs("MARKER").toByteArray();
    int at = OtlpRequests.indexOf(body, "MARKER".getBytes(StandardCharsets.US_ASCII));
    body[at] = (byte) 0xff;
    body[at + 1] = (byte) 0xfe;

    assertRejected(post(body, PROTOBUF), 400, Code.INVALID_ARGUMENT, "invalid UTF-8");
  }

  @Test
  void invalidUtf8InJsonIs400() {
    byte[] body =
        "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"k\",\"value\":{\"stringValue\":\"MARKER\"}}]}}]}"
            .getBytes(StandardCharsets.UTF_8);
    int at = OtlpRequests.indexOf(body, "MARKER".getBytes(StandardCharsets.US_ASCII));
    body[at] = (byte) 0xff;

    assertRejected(post(body, JSON), 400, Code.INVALID_ARGUMENT, "Invalid UTF-8");
  }

  @Test
  void nestingPastTheLimitIs400() {
    byte[] body = logs(log("deep", kv("tree", nested(9)))).toByteArray();

    assertRejected(
        post(body, PROTOBUF),
        400,
        Code.INVALID_ARGUMENT,
        "log record attribute 'tree' nests arrays/kvlists deeper than the limit of 8 levels");
  }

  @Test
  void hostileTenantIdsAre400() {
    for (String tenant : new String[] {"../x", "a".repeat(65), "", "a b", "é"}) {
      HttpResponse<byte[]> response =
          server.post(
              "/v1/logs",
              logs("a").toByteArray(),
              "Content-Type",
              PROTOBUF,
              "X-Scope-OrgID",
              tenant);
      assertRejected(response, 400, Code.INVALID_ARGUMENT, "X-Scope-OrgID: Invalid tenant id");
    }
  }

  @Test
  void recordLevelBadIdsArePartialSuccessAndTheRestIsStored() throws Exception {
    ExportLogsServiceRequest request =
        logs(
            log("kept"),
            log("bad trace id").toBuilder()
                .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex("abcd")))
                .build(),
            log("kept too"));

    HttpResponse<byte[]> response =
        server.post(
            "/v1/logs",
            request.toByteArray(),
            "Content-Type",
            PROTOBUF,
            "X-Scope-OrgID",
            "partial");

    assertThat(response.statusCode()).isEqualTo(200);
    ExportLogsServiceResponse answer = ExportLogsServiceResponse.parseFrom(response.body());
    assertThat(answer.getPartialSuccess().getRejectedLogRecords()).isEqualTo(1);
    assertThat(answer.getPartialSuccess().getErrorMessage())
        .startsWith("Cannot store resource_logs[0].scope_logs[0].log_records[1]:")
        .contains("trace_id");
    assertThat(server.rows(WalSignal.LOGS, batch -> batch.getTenant().equals("partial")))
        .extracting(row -> row.getField("body"))
        .containsExactly("kept", "kept too");
  }

  @Test
  void grpcMessageOverTheLimitIsResourceExhausted() {
    StatusRuntimeException error = grpcError(() -> grpc().export(logs("x".repeat(300_000))));

    assertThat(error.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.RESOURCE_EXHAUSTED);
    assertThat(error.getStatus().getDescription()).contains("exceeds maximum size 262144");
    assertNothingStored();
  }

  @Test
  void grpcNestingPastTheLimitIsInvalidArgument() {
    StatusRuntimeException error =
        grpcError(() -> grpc().export(logs(log("deep", kv("tree", nested(9))))));

    assertThat(error.getStatus().getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
    assertThat(error.getStatus().getDescription())
        .isEqualTo(
            "Cannot accept request: log record attribute 'tree' nests arrays/kvlists deeper than"
                + " the limit of 8 levels");
    assertNothingStored();
  }

  @Test
  void grpcRecordLevelBadIdsArePartialSuccess() {
    ExportLogsServiceResponse answer =
        grpc()
            .export(
                logs(
                    log("kept over grpc"),
                    log("bad span id").toBuilder()
                        .setSpanId(ByteString.copyFrom(new byte[3]))
                        .build()));

    assertThat(answer.getPartialSuccess().getRejectedLogRecords()).isEqualTo(1);
    assertThat(answer.getPartialSuccess().getErrorMessage())
        .contains("log_records[1]")
        .contains("span_id");
    assertThat(server.rows(WalSignal.LOGS, batch -> batch.getTenant().equals("default")))
        .extracting(row -> row.getField("body"))
        .contains("kept over grpc")
        .doesNotContain("bad span id");
  }

  private static LogsServiceGrpc.LogsServiceBlockingStub grpc() {
    return LogsServiceGrpc.newBlockingStub(channel);
  }

  private static StatusRuntimeException grpcError(Runnable call) {
    Throwable error = catchThrowable(call::run);
    assertThat(error).isInstanceOf(StatusRuntimeException.class);
    return (StatusRuntimeException) error;
  }

  private static HttpResponse<byte[]> post(byte[] body, String contentType) {
    return server.post("/v1/logs", body, "Content-Type", contentType);
  }

  private Status assertRejected(
      HttpResponse<byte[]> response, int http, Code code, String message) {
    assertThat(response.statusCode()).isEqualTo(http);
    String type = response.headers().firstValue("content-type").orElse("");
    Status status =
        type.startsWith(JSON) ? OtlpRequests.statusJson(response.body()) : status(response.body());
    assertThat(status.getCode()).isEqualTo(code.getNumber());
    assertThat(status.getMessage()).contains(message);
    assertNothingStored();
    return status;
  }

  private void assertNothingStored() {
    assertThat(server.batchCount()).as("WAL batches").isEqualTo(batchesBefore);
  }
}
