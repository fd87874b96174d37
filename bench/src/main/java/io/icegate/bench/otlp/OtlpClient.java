package io.icegate.bench.otlp;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.icegate.ingest.otlp.GrpcBytes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Sends pre-encoded OTLP protobuf requests and completes with whether the server acknowledged them.
 * Requests go out as the bytes given (no re-encoding), so the client costs little next to the
 * server it loads.
 */
public interface OtlpClient extends AutoCloseable {
  /**
   * Completes with null on 200 / OK, else with the reason (HTTP status, gRPC code or the transport
   * error's class).
   */
  CompletableFuture<String> send(byte[] request);

  @Override
  void close();

  static OtlpClient open(
      String protocol, String signal, String httpBase, String grpcTarget, String tenant) {
    return switch (protocol) {
      case "http" ->
          new Http(httpBase + "/v1/" + (signal.equals("spans") ? "traces" : signal), tenant);
      case "grpc" -> new Grpc(grpcTarget, signal, tenant);
      default -> throw new IllegalArgumentException("Unknown protocol " + protocol);
    };
  }

  /** OTLP/HTTP with {@code application/x-protobuf} over the JDK's HTTP/1.1 client. */
  final class Http implements OtlpClient {
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI uri;
    private final String tenant;

    Http(String url, String tenant) {
      this.uri = URI.create(url);
      this.tenant = tenant;
    }

    @Override
    public CompletableFuture<String> send(byte[] request) {
      HttpRequest post =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/x-protobuf")
              .header("X-Scope-OrgID", tenant)
              .POST(HttpRequest.BodyPublishers.ofByteArray(request))
              .build();
      return http.sendAsync(post, HttpResponse.BodyHandlers.discarding())
          .handle(
              (response, error) ->
                  error != null
                      ? error.getClass().getSimpleName()
                      : response.statusCode() == 200 ? null : "HTTP " + response.statusCode());
    }

    @Override
    public void close() {
      // The JDK client closes its connections when it is collected (close() needs Java 21).
    }
  }

  /** OTLP/gRPC: the service's Export method with the request bytes passed through unparsed. */
  final class Grpc implements OtlpClient {
    private static final Map<String, String> SERVICES =
        Map.of(
            "logs", "opentelemetry.proto.collector.logs.v1.LogsService",
            "spans", "opentelemetry.proto.collector.trace.v1.TraceService",
            "metrics", "opentelemetry.proto.collector.metrics.v1.MetricsService");

    private final ManagedChannel channel;
    private final MethodDescriptor<byte[], byte[]> export;
    private final CallOptions options = CallOptions.DEFAULT;

    Grpc(String target, String signal, String tenant) {
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("x-scope-orgid", Metadata.ASCII_STRING_MARSHALLER), tenant);
      this.channel =
          ManagedChannelBuilder.forTarget(target)
              .usePlaintext()
              .maxInboundMessageSize(64 << 20)
              .intercept(MetadataUtils.newAttachHeadersInterceptor(headers))
              .build();
      this.export =
          MethodDescriptor.<byte[], byte[]>newBuilder()
              .setType(MethodDescriptor.MethodType.UNARY)
              .setFullMethodName(
                  MethodDescriptor.generateFullMethodName(SERVICES.get(signal), "Export"))
              .setRequestMarshaller(GrpcBytes.MARSHALLER)
              .setResponseMarshaller(GrpcBytes.MARSHALLER)
              .build();
    }

    @Override
    public CompletableFuture<String> send(byte[] request) {
      CompletableFuture<String> done = new CompletableFuture<>();
      var call = channel.newCall(export, options.withDeadlineAfter(30, TimeUnit.SECONDS));
      var future = ClientCalls.futureUnaryCall(call, request);
      future.addListener(
          () -> {
            try {
              future.get();
              done.complete(null);
            } catch (ExecutionException e) {
              done.complete("gRPC " + Status.fromThrowable(e.getCause()).getCode());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              done.complete("interrupted");
            }
          },
          Runnable::run);
      return done;
    }

    @Override
    public void close() {
      channel.shutdownNow();
    }
  }
}
