package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpRequests.log;
import static io.icegate.ingest.otlp.OtlpRequests.logs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.protobuf.CodedOutputStream;
import com.google.rpc.Code;
import com.google.rpc.Status;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A log body of 2,000 nested kvlists (a hostile request, ~40 KB of JSON) is refused with 400 /
 * INVALID_ARGUMENT naming {@code max-any-value-nesting}, over OTLP/JSON, OTLP/protobuf and gRPC
 * alike; the parsers' own depth limits never surface as a 500 or an internal error.
 */
class OtlpDeepNestingTest {
  private static final int LEVELS = 2_000;
  private static final String LIMIT = "icegate.ingest.limits.max-any-value-nesting";

  private static final MethodDescriptor<byte[], byte[]> RAW_EXPORT =
      LogsServiceGrpc.getExportMethod().toBuilder(GrpcBytes.MARSHALLER, GrpcBytes.MARSHALLER)
          .build();

  @TempDir static Path root;
  private static IngestServer server;
  private static ManagedChannel channel;

  @BeforeAll
  static void start() {
    server = IngestServer.start(root, Map.of());
    channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
  }

  @AfterAll
  static void stop() {
    channel.shutdownNow();
    server.close();
  }

  @Test
  void deepJsonBodyIs400NamingTheLimit() {
    StringBuilder json = new StringBuilder("{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[");
    json.append("{\"body\":");
    json.append("{\"kvlistValue\":{\"values\":[{\"value\":".repeat(LEVELS));
    json.append("{\"stringValue\":\"x\"}");
    json.append("}]}}".repeat(LEVELS));
    json.append("}]}]}]}");
    byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);

    assertRejected(server.post("/v1/logs", body, "Content-Type", "application/json"), true);
  }

  @Test
  void deepProtobufBodyIs400NamingTheLimit() {
    byte[] body = deepRequest();

    assertRejected(server.post("/v1/logs", body, "Content-Type", "application/x-protobuf"), false);
  }

  @Test
  void deepGrpcBodyIsInvalidArgumentNamingTheLimit() {
    // Sent as bytes: the Java client itself overflows its stack serializing 2,000 levels.
    byte[] body = deepRequest();
    Throwable error =
        catchThrowable(
            () -> ClientCalls.blockingUnaryCall(channel, RAW_EXPORT, CallOptions.DEFAULT, body));

    assertThat(error).isInstanceOf(StatusRuntimeException.class);
    io.grpc.Status status = ((StatusRuntimeException) error).getStatus();
    assertThat(status.getCode()).isEqualTo(io.grpc.Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).contains(LIMIT);
    assertServiceStillStores();
  }

  /**
   * The protobuf bytes of a logs request whose one record's body nests {@link #LEVELS} kvlists,
   * written field by field: protobuf-java's own serializer overflows the stack at that depth.
   */
  private static byte[] deepRequest() {
    byte[] value = AnyValue.newBuilder().setStringValue("x").build().toByteArray();
    for (int i = 0; i < LEVELS; i++) {
      byte[] keyValue = field(KeyValue.VALUE_FIELD_NUMBER, value);
      byte[] list = field(KeyValueList.VALUES_FIELD_NUMBER, keyValue);
      value = field(AnyValue.KVLIST_VALUE_FIELD_NUMBER, list);
    }
    byte[] record =
        concat(
            log("deep").toBuilder().clearBody().build().toByteArray(),
            field(LogRecord.BODY_FIELD_NUMBER, value));
    byte[] scope = field(ScopeLogs.LOG_RECORDS_FIELD_NUMBER, record);
    byte[] resource = field(ResourceLogs.SCOPE_LOGS_FIELD_NUMBER, scope);
    return field(ExportLogsServiceRequest.RESOURCE_LOGS_FIELD_NUMBER, resource);
  }

  private static byte[] field(int number, byte[] message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(message.length + 8);
    try {
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.writeByteArray(number, message);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static void assertRejected(HttpResponse<byte[]> response, boolean json) {
    assertThat(response.statusCode()).isEqualTo(400);
    Status status =
        json ? OtlpRequests.statusJson(response.body()) : OtlpRequests.status(response.body());
    assertThat(status.getCode()).isEqualTo(Code.INVALID_ARGUMENT.getNumber());
    assertThat(status.getMessage()).contains(LIMIT).doesNotContain("Exception");
    assertServiceStillStores();
  }

  private static void assertServiceStillStores() {
    HttpResponse<byte[]> good =
        server.post(
            "/v1/logs", logs("still fine").toByteArray(), "Content-Type", "application/x-protobuf");
    assertThat(good.statusCode()).isEqualTo(200);
  }
}
