package io.icegate.ingest.otlp;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Carries the {@code x-scope-orgid} and {@code authorization} metadata of an OTLP/gRPC call to the
 * service methods, which resolve the tenant (gRPC hands them only the request message).
 */
@Singleton
final class OtlpGrpcMetadata implements ServerInterceptor {
  private static final Metadata.Key<String> ORG_ID =
      Metadata.Key.of("x-scope-orgid", Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  private static final Context.Key<Optional<String>> ORG_ID_VALUE = Context.key("x-scope-orgid");
  private static final Context.Key<Optional<String>> AUTHORIZATION_VALUE =
      Context.key("authorization");

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    Context context =
        Context.current()
            .withValue(ORG_ID_VALUE, Optional.ofNullable(headers.get(ORG_ID)))
            .withValue(AUTHORIZATION_VALUE, Optional.ofNullable(headers.get(AUTHORIZATION)));
    return Contexts.interceptCall(context, call, headers, next);
  }

  static Optional<String> orgId() {
    Optional<String> value = ORG_ID_VALUE.get();
    return value == null ? Optional.empty() : value;
  }

  static Optional<String> authorization() {
    Optional<String> value = AUTHORIZATION_VALUE.get();
    return value == null ? Optional.empty() : value;
  }
}
