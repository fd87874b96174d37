package io.icegate.ingest.otlp;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.rpc.RetryInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;
import io.icegate.ingest.tenant.TenantRejectedException;
import io.icegate.ingest.tenant.TenantResolver;
import io.icegate.lake.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.CompletionException;

/**
 * The body of the three OTLP/gRPC export methods: resolve the tenant from the call's metadata,
 * ingest, and answer once the rows are durable, or with the gRPC code of {@link
 * IngestRejectedException.Reason} ({@code RetryInfo} in the status details when retryable).
 */
@Singleton
final class OtlpGrpcExport {
  private static final String GRPC = "grpc";
  private final OtlpIngest ingest;
  private final TenantResolver tenants;
  private final OtlpMetrics metrics;

  OtlpGrpcExport(OtlpIngest ingest, TenantResolver tenants, OtlpMetrics metrics) {
    this.ingest = ingest;
    this.tenants = tenants;
    this.metrics = metrics;
  }

  /** Decodes the request bytes, then {@link #export}s them. */
  <R extends Message, A extends Message> void exportBytes(
      OtlpSignal<R> signal, byte[] bytes, StreamObserver<A> responses) {
    R request;
    try {
      request = signal.decodeProtobuf(bytes);
    } catch (IngestRejectedException e) {
      responses.onError(status(signal, e));
      return;
    }
    export(signal, request, responses);
  }

  @SuppressWarnings("unchecked")
  <R extends Message, A extends Message> void export(
      OtlpSignal<R> signal, R request, StreamObserver<A> responses) {
    try {
      TenantId tenant = tenants.resolve(OtlpGrpcMetadata.orgId(), OtlpGrpcMetadata.authorization());
      signal
          .ingest(ingest, tenant, request)
          .whenComplete(
              (result, error) -> {
                if (error == null) {
                  metrics.accepted(GRPC, signal.name(), result);
                  responses.onNext((A) signal.response(result));
                  responses.onCompleted();
                } else {
                  responses.onError(status(signal, error));
                }
              });
    } catch (TenantRejectedException e) {
      responses.onError(status(signal, IngestRejectedException.of(e)));
    } catch (RuntimeException e) {
      responses.onError(status(signal, e));
    }
  }

  private StatusRuntimeException status(OtlpSignal<?> signal, Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    metrics.failed(GRPC, signal.name(), cause);
    if (!(cause instanceof IngestRejectedException rejected)) {
      return io.grpc.Status.INTERNAL
          .withDescription("Cannot ingest request: " + cause)
          .withCause(cause)
          .asRuntimeException();
    }
    com.google.rpc.Status.Builder status =
        com.google.rpc.Status.newBuilder()
            .setCode(rejected.reason().grpcCode().value())
            .setMessage(rejected.getMessage());
    rejected.retryAfter().ifPresent(delay -> status.addDetails(Any.pack(retryInfo(delay))));
    return StatusProto.toStatusRuntimeException(status.build());
  }

  private static RetryInfo retryInfo(Duration delay) {
    return RetryInfo.newBuilder()
        .setRetryDelay(
            com.google.protobuf.Duration.newBuilder()
                .setSeconds(delay.getSeconds())
                .setNanos(delay.getNano()))
        .build();
  }
}
