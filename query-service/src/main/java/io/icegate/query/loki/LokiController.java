package io.icegate.query.loki;

import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.QueryLimitExceededException;
import io.icegate.query.engine.QueryMetrics;
import io.icegate.query.logql.metric.MetricLimitExceededException;
import io.icegate.query.logql.metric.PipelineErrorException;
import io.icegate.query.series.VectorMatchingException;
import io.icegate.query.tenant.QueryTenantResolver;
import io.icegate.query.tenant.TenantDeniedException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.function.Function;

/**
 * Loki's HTTP API on the query port (docs/loki.md): GET or form POST, tenant from {@code
 * X-Scope-OrgID}, Loki's JSON. Every failure is mapped here, in one place, to a status and a
 * one-line {@code {"status":"error","errorType":...,"error":...}}; never a stack trace.
 */
@Controller("/loki/api/v1")
final class LokiController {
  static final String ENCODING_FLAGS = "X-Loki-Response-Encoding-Flags";

  private final LokiApi api;
  private final QueryTenantResolver tenants;
  private final QueryMetrics metrics;

  LokiController(LokiApi api, QueryTenantResolver tenants, QueryMetrics metrics) {
    this.api = api;
    this.tenants = tenants;
    this.metrics = metrics;
  }

  @Get("/query_range")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> queryRange(HttpRequest<byte[]> request) {
    return run(request, call -> api.queryRange(call.tenant(), call.params(), categorized(request)));
  }

  @Post(value = "/query_range", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> queryRangePost(HttpRequest<byte[]> request) {
    return queryRange(request);
  }

  @Get("/query")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> query(HttpRequest<byte[]> request) {
    return run(request, call -> api.query(call.tenant(), call.params(), categorized(request)));
  }

  @Post(value = "/query", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> queryPost(HttpRequest<byte[]> request) {
    return query(request);
  }

  @Get("/labels")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> labels(HttpRequest<byte[]> request) {
    return run(request, call -> api.labels(call.tenant(), call.params()));
  }

  @Post(value = "/labels", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> labelsPost(HttpRequest<byte[]> request) {
    return labels(request);
  }

  @Get("/label/{name}/values")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> labelValues(@PathVariable String name, HttpRequest<byte[]> request) {
    return run(request, call -> api.labelValues(call.tenant(), name, call.params()));
  }

  @Post(value = "/label/{name}/values", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> labelValuesPost(@PathVariable String name, HttpRequest<byte[]> request) {
    return labelValues(name, request);
  }

  @Get("/series")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> series(HttpRequest<byte[]> request) {
    return run(request, call -> api.series(call.tenant(), call.params()));
  }

  @Post(value = "/series", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> seriesPost(HttpRequest<byte[]> request) {
    return series(request);
  }

  @Get("/format_query")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> formatQuery(HttpRequest<byte[]> request) {
    return run(request, call -> api.formatQuery(call.params()));
  }

  @Post(value = "/format_query", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> formatQueryPost(HttpRequest<byte[]> request) {
    return formatQuery(request);
  }

  @Get("/status/buildinfo")
  HttpResponse<byte[]> buildInfo() {
    return json(HttpStatus.OK, LokiJson.buildInfo());
  }

  /** Anything else under the API: Loki's 404, in the API's error format. */
  @Get("/{+path}")
  HttpResponse<byte[]> unknown(@PathVariable String path) {
    return json(
        HttpStatus.NOT_FOUND,
        LokiJson.error("not_found", "404 page not found: /loki/api/v1/" + path));
  }

  @Post(value = "/{+path}", consumes = MediaType.ALL)
  HttpResponse<byte[]> unknownPost(@PathVariable String path) {
    return unknown(path);
  }

  /** The tenant and parameters of one call. */
  record Call(TenantId tenant, LokiRequest params) {}

  private HttpResponse<byte[]> run(HttpRequest<byte[]> request, Function<Call, LokiApi.Answer> op) {
    long start = System.nanoTime();
    try {
      TenantId tenant = LokiResponses.tenant(tenants, request);
      LokiRequest params = LokiRequest.of(request, request.getBody().orElse(null));
      LokiApi.Answer answer = op.apply(new Call(tenant, params));
      metrics.record(
          "loki", "ok", System.nanoTime() - start, answer.bytesScanned(), answer.rowsScanned());
      return json(HttpStatus.OK, answer.json());
    } catch (RuntimeException e) {
      HttpResponse<byte[]> response = LokiResponses.failure(e);
      metrics.record("loki", outcome(e), System.nanoTime() - start, 0, 0);
      return response;
    }
  }

  private static boolean categorized(HttpRequest<?> request) {
    return request.getHeaders().getAll(ENCODING_FLAGS).stream()
        .flatMap(value -> java.util.Arrays.stream(value.split(",")))
        .anyMatch(flag -> flag.trim().equals("categorize-labels"));
  }

  private static String outcome(RuntimeException e) {
    if (e instanceof QueryLimitExceededException limit) {
      return limit.limit() == QueryLimitExceededException.Limit.TIMEOUT ? "timeout" : "limit";
    } else if (e instanceof MetricLimitExceededException) {
      return "limit";
    } else if (e instanceof LokiBadRequestException
        || e instanceof PipelineErrorException
        || e instanceof VectorMatchingException) {
      return "bad_data";
    } else if (e instanceof TenantDeniedException) {
      return "bad_request";
    }
    return "error";
  }

  private static HttpResponse<byte[]> json(HttpStatus status, byte[] body) {
    return LokiResponses.json(status, body);
  }
}
