package io.icegate.ingest.otlp;

import com.google.protobuf.Message;
import io.icegate.ingest.tenant.TenantRejectedException;
import io.icegate.ingest.tenant.TenantResolver;
import io.icegate.lake.tenant.TenantId;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * OTLP/HTTP (specification 1.x): {@code POST /v1/logs}, {@code /v1/traces}, {@code /v1/metrics}
 * with protobuf or JSON bodies, optionally gzip-compressed. Answers 200 once the rows are durable
 * in the WAL (with {@code partial_success} when records were rejected), else the status of {@link
 * IngestRejectedException.Reason} with a {@code google.rpc.Status} body; see docs/ingest.md.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class OtlpHttpController {
  private static final String HTTP = "http";
  private final OtlpIngest ingest;
  private final TenantResolver tenants;
  private final OtlpMetrics metrics;

  OtlpHttpController(OtlpIngest ingest, TenantResolver tenants, OtlpMetrics metrics) {
    this.ingest = ingest;
    this.tenants = tenants;
    this.metrics = metrics;
  }

  // Bodies come from the request (an empty one is null), not an @Nullable byte[] parameter, which
  // Micronaut's compiler check warns about.
  @Post(uri = "/v1/logs", consumes = MediaType.ALL, produces = MediaType.ALL)
  CompletableFuture<HttpResponse<byte[]>> logs(HttpRequest<byte[]> request) {
    return export(OtlpSignal.LOGS, request, request.getBody().orElse(null));
  }

  @Post(uri = "/v1/traces", consumes = MediaType.ALL, produces = MediaType.ALL)
  CompletableFuture<HttpResponse<byte[]>> traces(HttpRequest<byte[]> request) {
    return export(OtlpSignal.TRACES, request, request.getBody().orElse(null));
  }

  @Post(uri = "/v1/metrics", consumes = MediaType.ALL, produces = MediaType.ALL)
  CompletableFuture<HttpResponse<byte[]>> metrics(HttpRequest<byte[]> request) {
    return export(OtlpSignal.METRICS, request, request.getBody().orElse(null));
  }

  /** Micronaut's own request-size check (micronaut.server.max-request-size) answered as OTLP. */
  @Error(exception = ContentLengthExceededException.class)
  HttpResponse<byte[]> tooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
    String signal = request.getPath().substring(request.getPath().lastIndexOf('/') + 1);
    IngestRejectedException rejected =
        new IngestRejectedException(
            IngestRejectedException.Reason.TOO_LARGE,
            "Cannot accept request: body exceeds the limit of "
                + ingest.limits().maxRequestBytes()
                + " bytes",
            Optional.empty(),
            e);
    return OtlpHttpResponses.rejected(metrics.failed(HTTP, signal, rejected), encoding(request));
  }

  private <R extends Message> CompletableFuture<HttpResponse<byte[]>> export(
      OtlpSignal<R> signal, HttpRequest<?> request, byte[] body) {
    OtlpHttpBody.Encoding answer = encoding(request);
    try {
      HttpHeaders headers = request.getHeaders();
      TenantId tenant =
          tenants.resolve(
              headers.findFirst(TenantResolver.HEADER),
              headers.findFirst(HttpHeaders.AUTHORIZATION));
      OtlpHttpBody decoded =
          OtlpHttpBody.read(
              headers.findFirst(HttpHeaders.CONTENT_TYPE),
              headers.findFirst(HttpHeaders.CONTENT_ENCODING),
              body == null ? new byte[0] : body,
              ingest.limits());
      R export = signal.decode(decoded);
      return signal
          .ingest(ingest, tenant, export)
          .handle(
              (result, error) -> {
                if (error != null) {
                  return failure(signal, error, answer);
                }
                metrics.accepted(HTTP, signal.name(), result);
                return OtlpHttpResponses.ok(signal.response(result), answer);
              });
    } catch (TenantRejectedException e) {
      return CompletableFuture.completedFuture(
          failure(signal, IngestRejectedException.of(e), answer));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(failure(signal, e, answer));
    }
  }

  private HttpResponse<byte[]> failure(
      OtlpSignal<?> signal, Throwable error, OtlpHttpBody.Encoding answer) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    metrics.failed(HTTP, signal.name(), cause);
    if (cause instanceof IngestRejectedException rejected) {
      return OtlpHttpResponses.rejected(rejected, answer);
    }
    return OtlpHttpResponses.internal(cause, answer);
  }

  /** The encoding of the answer: the request's, JSON when it sent neither of OTLP's. */
  private static OtlpHttpBody.Encoding encoding(HttpRequest<?> request) {
    return OtlpHttpBody.Encoding.of(request.getHeaders().findFirst(HttpHeaders.CONTENT_TYPE))
        .orElse(OtlpHttpBody.Encoding.JSON);
  }
}
