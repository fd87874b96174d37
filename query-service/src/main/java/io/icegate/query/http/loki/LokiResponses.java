package io.icegate.query.http.loki;

import io.icegate.lake.error.ErrorKind;
import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.QueryMetrics;
import io.icegate.query.http.ErrorMessages;
import io.icegate.query.http.RequestTenant;
import io.icegate.query.tenant.QueryTenantResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call of a Loki endpoint: resolves the tenant ({@code X-Scope-OrgID}), parses the
 * parameters, maps every failure to a status and Loki's one-line {@code
 * {"status":"error","errorType":...,"error":...}} — never a stack trace. One error mapping for
 * {@link LokiController} and the index, detected and tail endpoints.
 */
public final class LokiResponses {
  private static final Logger LOG = LoggerFactory.getLogger(LokiResponses.class);

  /** The {@code api} label of every Loki endpoint in the query metrics. */
  public static final String API = "loki";

  private LokiResponses() {}

  /**
   * Runs {@code op} for the request's tenant and parameters; answers its JSON or the error, and
   * records the call in the query metrics under {@code api="loki"}.
   */
  public static HttpResponse<byte[]> run(
      QueryTenantResolver tenants,
      QueryMetrics metrics,
      HttpRequest<byte[]> request,
      BiFunction<TenantId, LokiRequest, byte[]> op) {
    long start = System.nanoTime();
    try {
      TenantId tenant = RequestTenant.of(tenants, request);
      LokiRequest params = LokiRequest.of(request, request.getBody().orElse(null));
      byte[] body = op.apply(tenant, params);
      metrics.record(API, "ok", System.nanoTime() - start, 0, 0);
      return json(HttpStatus.OK, body);
    } catch (RuntimeException e) {
      return failure(e, metrics, start);
    }
  }

  /** Answers a failure and records it in the query metrics, outcome = its kind's type. */
  public static HttpResponse<byte[]> failure(RuntimeException e, QueryMetrics metrics, long start) {
    HttpResponse<byte[]> response = failure(e);
    metrics.record(API, ErrorKind.of(e).type(), System.nanoTime() - start, 0, 0);
    return response;
  }

  /**
   * The status and error body of a failure, for every Loki endpoint, derived from its {@link
   * ErrorKind}. Loki answers its limit, pipeline and matching errors with 400 {@code bad_data}.
   */
  public static HttpResponse<byte[]> failure(RuntimeException e) {
    ErrorKind kind = ErrorKind.of(e);
    return switch (kind) {
      case BAD_INPUT, LIMIT, EXECUTION ->
          json(HttpStatus.BAD_REQUEST, LokiJson.error("bad_data", e.getMessage()));
      case UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT ->
          json(HttpStatus.valueOf(kind.status()), LokiJson.error("bad_data", e.getMessage()));
      case TIMEOUT ->
          json(HttpStatus.SERVICE_UNAVAILABLE, LokiJson.error("timeout", e.getMessage()));
      case UNAVAILABLE -> {
        LOG.warn("Loki query failed on storage: {}", e.toString());
        yield json(
            HttpStatus.SERVICE_UNAVAILABLE,
            LokiJson.error("unavailable", ErrorMessages.unavailable(e)));
      }
      case INTERNAL -> {
        LOG.error("Loki query failed", e);
        yield json(
            HttpStatus.INTERNAL_SERVER_ERROR,
            LokiJson.error("internal", ErrorMessages.internal(e)));
      }
    };
  }

  public static HttpResponse<byte[]> json(HttpStatus status, byte[] body) {
    return HttpResponse.<byte[]>status(status)
        .body(body)
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
