package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpRequests.logs;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.icegate.lake.wal.WalSignal;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Status codes of both receivers for tenants, tokens, rate limits and WAL refusals, with tenancy
 * enforced and bearer tokens configured.
 */
class OtlpReceiverStatusTest {
  private static final String PROTOBUF = "application/x-protobuf";
  private static final byte[] SMALL = logs("hello").toByteArray();

  @TempDir static Path root;
  private static SwitchableWalSink sink;
  private static IngestServer server;
  private static ManagedChannel channel;

  @BeforeAll
  static void start() {
    sink = new SwitchableWalSink();
    server =
        IngestServer.start(
            root,
            Map.of(
                "icegate.tenancy.enforced",
                true,
                "icegate.auth.tokens.token-a",
                "team-a",
                "icegate.auth.tokens.token-ops",
                "team-a,team-b,greedy",
                "icegate.ingest.limits.tenant-rate-bytes-per-second",
                2000,
                "icegate.ingest.limits.tenant-burst-bytes",
                20000,
                "icegate.ingest.limits.retry-after",
                "2s"),
            sink);
    channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
  }

  @AfterAll
  static void stop() {
    channel.shutdownNow();
    server.close();
    sink.close();
  }

  @AfterEach
  void write() {
    sink.mode(SwitchableWalSink.Mode.WRITE);
  }

  @Test
  void tokenForOneTenantNamesIt() {
    HttpResponse<byte[]> response = post(SMALL, "Authorization", "Bearer token-a");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(sink.batches(WalSignal.LOGS)).anyMatch(batch -> batch.getTenant().equals("team-a"));
    assertThat(grpc("token-a", null).export(logs("grpc")).hasPartialSuccess()).isFalse();
  }

  @Test
  void missingOrUnknownTokenIs401() {
    HttpResponse<byte[]> missing = post(SMALL, "X-Scope-OrgID", "team-a");
    HttpResponse<byte[]> unknown = post(SMALL, "Authorization", "Bearer nope");

    assertStatus(
        missing, 401, Code.UNAUTHENTICATED, "Cannot accept write: a bearer token is required");
    assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertStatus(unknown, 401, Code.UNAUTHENTICATED, "Cannot accept write: unknown bearer token");
    assertGrpc(
        () -> grpc(null, "team-a").export(logs("a")),
        Code.UNAUTHENTICATED,
        "a bearer token is required");
  }

  @Test
  void tenantTheTokenMayNotWriteIs403() {
    HttpResponse<byte[]> response =
        post(SMALL, "Authorization", "Bearer token-a", "X-Scope-OrgID", "team-b");

    assertStatus(response, 403, Code.PERMISSION_DENIED, "the token may not write tenant 'team-b'");
    assertGrpc(
        () -> grpc("token-a", "team-b").export(logs("a")),
        Code.PERMISSION_DENIED,
        "may not write tenant 'team-b'");
  }

  @Test
  void missingTenantWhenEnforcedIs401() {
    HttpResponse<byte[]> response = post(SMALL, "Authorization", "Bearer token-ops");

    assertStatus(
        response,
        401,
        Code.UNAUTHENTICATED,
        "Cannot accept write: no tenant (send the X-Scope-OrgID header)");
    assertGrpc(() -> grpc("token-ops", null).export(logs("a")), Code.UNAUTHENTICATED, "no tenant");
  }

  @Test
  void hostileTenantOverGrpcIsInvalidArgument() {
    assertGrpc(
        () -> grpc("token-ops", "../x").export(logs("a")),
        Code.INVALID_ARGUMENT,
        "Invalid tenant id '../x'");
    assertGrpc(
        () -> grpc("token-ops", "a".repeat(65)).export(logs("a")),
        Code.INVALID_ARGUMENT,
        "expected 1-64 characters");
  }

  @Test
  void overTheRateIs429WithRetryAfter() {
    byte[] big = logs("x".repeat(12000)).toByteArray();
    assertThat(
            post(big, "Authorization", "Bearer token-ops", "X-Scope-OrgID", "greedy").statusCode())
        .isEqualTo(200);

    HttpResponse<byte[]> response =
        post(big, "Authorization", "Bearer token-ops", "X-Scope-OrgID", "greedy");

    assertStatus(
        response,
        429,
        Code.RESOURCE_EXHAUSTED,
        "tenant 'greedy' is over its ingest rate of 2000 bytes/s");
    // The bucket lacks ~4000 bytes at 2000 bytes/s, less what refilled meanwhile, rounded up
    // to whole seconds (a hair over 4000 bytes makes 3).
    assertThat(response.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 3));
    Status status =
        assertGrpc(
            () -> grpc("token-ops", "greedy").export(logs("x".repeat(12000))),
            Code.RESOURCE_EXHAUSTED,
            "over its ingest rate");
    assertThat(retryInfo(status).getRetryDelay().getSeconds()).isBetween(1L, 3L);
  }

  @Test
  void walRefusalIs503WithRetryAfter() {
    sink.mode(SwitchableWalSink.Mode.REFUSE);

    HttpResponse<byte[]> response = post(SMALL, "Authorization", "Bearer token-a");

    assertStatus(response, 503, Code.UNAVAILABLE, "Cannot append: the logs WAL is full");
    assertThat(response.headers().firstValue("Retry-After")).hasValue("2");
    Status status =
        assertGrpc(() -> grpc("token-a", null).export(logs("a")), Code.UNAVAILABLE, "WAL is full");
    assertThat(retryInfo(status).getRetryDelay().getSeconds()).isEqualTo(2);
  }

  @Test
  void requestsAreCountedByTransportSignalAndOutcome() {
    post(SMALL, "Authorization", "Bearer token-a", "X-Scope-OrgID", "team-b");
    post(SMALL, "Authorization", "Bearer token-a");

    String metrics = server.get("/metrics");

    assertThat(metrics)
        .containsPattern(
            "icegate_ingest_requests_total\\{[^}]*outcome=\"forbidden\",signal=\"logs\",transport=\"http\"}")
        .containsPattern(
            "icegate_ingest_requests_total\\{[^}]*outcome=\"ok\",signal=\"logs\",transport=\"http\"}");
  }

  private static HttpResponse<byte[]> post(byte[] body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = PROTOBUF;
    System.arraycopy(headers, 0, all, 2, headers.length);
    return server.post("/v1/logs", body, all);
  }

  private static void assertStatus(
      HttpResponse<byte[]> response, int http, Code code, String message) {
    assertThat(response.statusCode()).isEqualTo(http);
    assertThat(response.headers().firstValue("content-type")).hasValue(PROTOBUF);
    Status status = OtlpRequests.status(response.body());
    assertThat(status.getCode()).isEqualTo(code.getNumber());
    assertThat(status.getMessage()).contains(message);
  }

  private static LogsServiceGrpc.LogsServiceBlockingStub grpc(String token, String tenant) {
    Metadata metadata = new Metadata();
    if (token != null) {
      metadata.put(
          Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
    }
    if (tenant != null) {
      metadata.put(Metadata.Key.of("x-scope-orgid", Metadata.ASCII_STRING_MARSHALLER), tenant);
    }
    return LogsServiceGrpc.newBlockingStub(channel)
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
  }

  private static Status assertGrpc(Runnable call, Code code, String message) {
    StatusRuntimeException error =
        (StatusRuntimeException) org.assertj.core.api.Assertions.catchThrowable(call::run);
    assertThat(error).isNotNull();
    assertThat(error.getStatus().getCode().value()).isEqualTo(code.getNumber());
    assertThat(error.getStatus().getDescription()).contains(message);
    Status status = StatusProto.fromThrowable(error);
    assertThat(status).isNotNull();
    return status;
  }

  private static RetryInfo retryInfo(Status status) {
    for (Any detail : status.getDetailsList()) {
      if (detail.is(RetryInfo.class)) {
        try {
          return detail.unpack(RetryInfo.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    throw new AssertionError("no RetryInfo in " + status);
  }
}
