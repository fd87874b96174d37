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
  private final OtlpIngest ingest;
  private final TenantResolver tenants;

  OtlpGrpcExport(OtlpIngest ingest, TenantResolver tenants) {
    this.ingest = ingest;
    this.tenants = tenants;
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
                  responses.onNext((A) signal.response(result));
                  responses.onCompleted();
                } else {
                  responses.onError(status(error));
                }
              });
    } catch (TenantRejectedException e) {
      responses.onError(status(IngestRejectedException.of(e)));
    } catch (RuntimeException e) {
      responses.onError(status(e));
    }
  }

  private static StatusRuntimeException status(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
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
