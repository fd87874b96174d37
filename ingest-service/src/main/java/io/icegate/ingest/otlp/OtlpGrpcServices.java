package io.icegate.ingest.otlp;

import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import jakarta.inject.Singleton;

/**
 * The OTLP/gRPC services on the ingest gRPC port (4317); all three delegate to {@link
 * OtlpGrpcExport}.
 */
final class OtlpGrpcServices {
  private OtlpGrpcServices() {}

  @Singleton
  static final class Logs extends LogsServiceGrpc.LogsServiceImplBase {
    private final OtlpGrpcExport export;

    Logs(OtlpGrpcExport export) {
      this.export = export;
    }

    @Override
    public void export(
        ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> responses) {
      export.export(OtlpSignal.LOGS, request, responses);
    }
  }

  @Singleton
  static final class Traces extends TraceServiceGrpc.TraceServiceImplBase {
    private final OtlpGrpcExport export;

    Traces(OtlpGrpcExport export) {
      this.export = export;
    }

    @Override
    public void export(
        ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> responses) {
      export.export(OtlpSignal.TRACES, request, responses);
    }
  }

  @Singleton
  static final class Metrics extends MetricsServiceGrpc.MetricsServiceImplBase {
    private final OtlpGrpcExport export;

    Metrics(OtlpGrpcExport export) {
      this.export = export;
    }

    @Override
    public void export(
        ExportMetricsServiceRequest request,
        StreamObserver<ExportMetricsServiceResponse> responses) {
      export.export(OtlpSignal.METRICS, request, responses);
    }
  }
}
