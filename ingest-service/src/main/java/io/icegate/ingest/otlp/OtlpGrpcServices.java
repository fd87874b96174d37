package io.icegate.ingest.otlp;

import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.stub.ServerCalls;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import jakarta.inject.Named;

/**
 * The OTLP/gRPC services on the ingest gRPC port (4317); all three delegate to {@link
 * OtlpGrpcExport}. Requests arrive as bytes and are decoded by the export itself: when grpc-java's
 * generated marshaller fails (a message nested past protobuf's recursion limit, say) the call ends
 * with {@code UNKNOWN} and no word of why, where OTLP asks for {@code INVALID_ARGUMENT} naming the
 * problem.
 */
@Factory
final class OtlpGrpcServices {
  @Bean
  @Named("otlp-logs")
  ServerServiceDefinition logs(OtlpGrpcExport export) {
    return service(export, OtlpSignal.LOGS, LogsServiceGrpc.getExportMethod());
  }

  @Bean
  @Named("otlp-traces")
  ServerServiceDefinition traces(OtlpGrpcExport export) {
    return service(export, OtlpSignal.TRACES, TraceServiceGrpc.getExportMethod());
  }

  @Bean
  @Named("otlp-metrics")
  ServerServiceDefinition metrics(OtlpGrpcExport export) {
    return service(export, OtlpSignal.METRICS, MetricsServiceGrpc.getExportMethod());
  }

  private static <R extends Message, A extends Message> ServerServiceDefinition service(
      OtlpGrpcExport export, OtlpSignal<R> signal, MethodDescriptor<R, A> generated) {
    MethodDescriptor<byte[], A> method =
        generated.toBuilder(GrpcBytes.MARSHALLER, generated.getResponseMarshaller()).build();
    return ServerServiceDefinition.builder(method.getServiceName())
        .addMethod(
            method,
            ServerCalls.asyncUnaryCall(
                (bytes, responses) -> export.exportBytes(signal, bytes, responses)))
        .build();
  }
}
