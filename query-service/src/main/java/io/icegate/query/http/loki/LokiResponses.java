package io.icegate.query.http.loki;

import io.icegate.lake.store.StorageException;
import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.QueryLimitExceededException;
import io.icegate.query.logql.metric.MetricLimitExceededException;
import io.icegate.query.logql.metric.PipelineErrorException;
import io.icegate.query.loki.LokiBadRequestException;
import io.icegate.query.series.VectorMatchingException;
import io.icegate.query.tenant.QueryTenantResolver;
import io.icegate.query.tenant.TenantDeniedException;
import io.micronaut.http.HttpHeaders;
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

  private LokiResponses() {}

  /** The tenant of a request; refusals throw {@link TenantDeniedException}. */
  public static TenantId tenant(QueryTenantResolver tenants, HttpRequest<?> request) {
    if (request.getHeaders().getAll(QueryTenantResolver.HEADER).size() > 1) {
      throw new TenantDeniedException(
          400, "Cannot run query: send one " + QueryTenantResolver.HEADER + " header, not several");
    }
    return tenants.resolve(
        request.getHeaders().findFirst(QueryTenantResolver.HEADER),
        request.getHeaders().findFirst(HttpHeaders.AUTHORIZATION));
  }

  /** Runs {@code op} for the request's tenant and parameters; answers its JSON or the error. */
  public static HttpResponse<byte[]> run(
      QueryTenantResolver tenants,
      HttpRequest<byte[]> request,
      BiFunction<TenantId, LokiRequest, byte[]> op) {
    try {
      TenantId tenant = tenant(tenants, request);
      LokiRequest params = LokiRequest.of(request, request.getBody().orElse(null));
      return json(HttpStatus.OK, op.apply(tenant, params));
    } catch (RuntimeException e) {
      return failure(e);
    }
  }

  /** The status and error body of a failure, for every Loki endpoint. */
  public static HttpResponse<byte[]> failure(RuntimeException e) {
    if (e instanceof LokiBadRequestException) {
      return json(HttpStatus.BAD_REQUEST, LokiJson.error("bad_data", e.getMessage()));
    } else if (e instanceof TenantDeniedException denied) {
      return json(HttpStatus.valueOf(denied.status()), LokiJson.error("bad_data", e.getMessage()));
    } else if (e instanceof QueryLimitExceededException limit) {
      return limit.limit() == QueryLimitExceededException.Limit.TIMEOUT
          ? json(HttpStatus.SERVICE_UNAVAILABLE, LokiJson.error("timeout", e.getMessage()))
          : json(HttpStatus.BAD_REQUEST, LokiJson.error("bad_data", e.getMessage()));
    } else if (e instanceof MetricLimitExceededException
        || e instanceof PipelineErrorException
        || e instanceof VectorMatchingException) {
      // Loki answers its limit, pipeline and matching errors with 400.
      return json(HttpStatus.BAD_REQUEST, LokiJson.error("bad_data", e.getMessage()));
    } else if (e instanceof StorageException) {
      LOG.warn("Loki query failed on storage: {}", e.toString());
      return json(
          HttpStatus.SERVICE_UNAVAILABLE,
          LokiJson.error(
              "unavailable", "Cannot run query: object storage failed: " + e.getMessage()));
    }
    LOG.error("Loki query failed", e);
    return json(
        HttpStatus.INTERNAL_SERVER_ERROR,
        LokiJson.error(
            "internal", "Cannot run query: internal error (" + e.getClass().getSimpleName() + ")"));
  }

  public static HttpResponse<byte[]> json(HttpStatus status, byte[] body) {
    return HttpResponse.<byte[]>status(status)
        .body(body)
        .contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
