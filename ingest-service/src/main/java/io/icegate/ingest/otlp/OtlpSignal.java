package io.icegate.ingest.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.icegate.lake.tenant.TenantId;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The three OTLP export services, each with its request decoders, its ingest path and its response
 * ({@code partial_success} when records were rejected), shared by the HTTP and gRPC receivers.
 */
final class OtlpSignal<R extends Message> {
  static final OtlpSignal<ExportLogsServiceRequest> LOGS =
      new OtlpSignal<>(
          "logs",
          ExportLogsServiceRequest.parser(),
          OtlpJson::decodeLogs,
          Ingest.of(OtlpIngest::logs),
          OtlpSignal::logsResponse);
  static final OtlpSignal<ExportTraceServiceRequest> TRACES =
      new OtlpSignal<>(
          "traces",
          ExportTraceServiceRequest.parser(),
          OtlpJson::decodeTraces,
          Ingest.of(OtlpIngest::traces),
          OtlpSignal::tracesResponse);
  static final OtlpSignal<ExportMetricsServiceRequest> METRICS =
      new OtlpSignal<>(
          "metrics",
          ExportMetricsServiceRequest.parser(),
          OtlpJson::decodeMetrics,
          Ingest.of(OtlpIngest::metrics),
          OtlpSignal::metricsResponse);

  /** One of {@link OtlpIngest}'s entry points. */
  @FunctionalInterface
  interface Ingest<R> {
    CompletableFuture<IngestResult> ingest(OtlpIngest ingest, TenantId tenant, R request);

    static <R> Ingest<R> of(Ingest<R> ingest) {
      return ingest;
    }
  }

  private final String name;
  private final Parser<R> parser;
  private final Function<byte[], R> json;
  private final Ingest<R> ingest;
  private final Function<IngestResult, Message> response;

  private OtlpSignal(
      String name,
      Parser<R> parser,
      Function<byte[], R> json,
      Ingest<R> ingest,
      Function<IngestResult, Message> response) {
    this.name = name;
    this.parser = parser;
    this.json = json;
    this.ingest = ingest;
    this.response = response;
  }

  String name() {
    return name;
  }

  /**
   * @throws IngestRejectedException (INVALID) when the body does not decode
   */
  R decode(OtlpHttpBody body) {
    if (body.encoding() == OtlpHttpBody.Encoding.JSON) {
      try {
        return json.apply(body.bytes());
      } catch (OtlpDecodeException e) {
        throw new IngestRejectedException(
            IngestRejectedException.Reason.INVALID, e.getMessage(), Optional.empty(), e);
      }
    }
    return decodeProtobuf(body.bytes());
  }

  /**
   * @throws IngestRejectedException (INVALID) when the bytes are not a request of this signal
   */
  R decodeProtobuf(byte[] bytes) {
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IngestRejectedException(
          IngestRejectedException.Reason.INVALID,
          "Cannot decode OTLP/protobuf "
              + name
              + " request: "
              + (OtlpDecodeException.isTooDeep(e) ? OtlpDecodeException.tooDeep() : e.getMessage()),
          Optional.empty(),
          e);
    }
  }

  CompletableFuture<IngestResult> ingest(OtlpIngest otlp, TenantId tenant, R request) {
    return ingest.ingest(otlp, tenant, request);
  }

  Message response(IngestResult result) {
    return response.apply(result);
  }

  private static boolean partial(IngestResult result) {
    return result.rejected() > 0 || result.message().isPresent();
  }

  private static Message logsResponse(IngestResult result) {
    ExportLogsServiceResponse.Builder response = ExportLogsServiceResponse.newBuilder();
    if (partial(result)) {
      response.setPartialSuccess(
          ExportLogsPartialSuccess.newBuilder()
              .setRejectedLogRecords(result.rejected())
              .setErrorMessage(result.message().orElse("")));
    }
    return response.build();
  }

  private static Message tracesResponse(IngestResult result) {
    ExportTraceServiceResponse.Builder response = ExportTraceServiceResponse.newBuilder();
    if (partial(result)) {
      response.setPartialSuccess(
          ExportTracePartialSuccess.newBuilder()
              .setRejectedSpans(result.rejected())
              .setErrorMessage(result.message().orElse("")));
    }
    return response.build();
  }

  private static Message metricsResponse(IngestResult result) {
    ExportMetricsServiceResponse.Builder response = ExportMetricsServiceResponse.newBuilder();
    if (partial(result)) {
      response.setPartialSuccess(
          ExportMetricsPartialSuccess.newBuilder()
              .setRejectedDataPoints(result.rejected())
              .setErrorMessage(result.message().orElse("")));
    }
    return response.build();
  }
}
