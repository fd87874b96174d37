package io.icegate.query.http.loki;

import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.QueryMetrics;
import io.icegate.query.http.RequestTenant;
import io.icegate.query.loki.Direction;
import io.icegate.query.loki.LabelMatcher;
import io.icegate.query.loki.LokiApi;
import io.icegate.query.loki.LokiConfiguration;
import io.icegate.query.loki.LokiQueries;
import io.icegate.query.loki.LokiResult;
import io.icegate.query.tenant.QueryTenantResolver;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Loki's HTTP API on the query port (docs/loki.md): GET or form POST, tenant from {@code
 * X-Scope-OrgID}, parameters and defaults as Loki's ({@code pkg/loghttp/params.go}), the engine's
 * {@link LokiApi} runs the call, Loki's JSON out. Every failure is mapped here, in one place, to a
 * status and a one-line {@code {"status":"error","errorType":...,"error":...}}; never a stack
 * trace.
 */
@Controller("/loki/api/v1")
final class LokiController {
  static final String ENCODING_FLAGS = "X-Loki-Response-Encoding-Flags";

  private final LokiApi api;
  private final LokiConfiguration config;
  private final QueryTenantResolver tenants;
  private final QueryMetrics metrics;

  LokiController(
      LokiApi api, LokiConfiguration config, QueryTenantResolver tenants, QueryMetrics metrics) {
    this.api = api;
    this.config = config;
    this.tenants = tenants;
    this.metrics = metrics;
  }

  @Get("/query_range")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> queryRange(HttpRequest<byte[]> request) {
    return run(request, call -> queryRange(call, categorized(request)));
  }

  @Post(value = "/query_range", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> queryRangePost(HttpRequest<byte[]> request) {
    return queryRange(request);
  }

  @Get("/query")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> query(HttpRequest<byte[]> request) {
    return run(request, call -> query(call, categorized(request)));
  }

  @Post(value = "/query", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> queryPost(HttpRequest<byte[]> request) {
    return query(request);
  }

  @Get("/labels")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> labels(HttpRequest<byte[]> request) {
    return run(request, this::labels);
  }

  @Post(value = "/labels", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> labelsPost(HttpRequest<byte[]> request) {
    return labels(request);
  }

  @Get("/label/{name}/values")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> labelValues(@PathVariable String name, HttpRequest<byte[]> request) {
    return run(request, call -> labelValues(call, name));
  }

  @Post(value = "/label/{name}/values", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> labelValuesPost(@PathVariable String name, HttpRequest<byte[]> request) {
    return labelValues(name, request);
  }

  @Get("/series")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> series(HttpRequest<byte[]> request) {
    return run(request, this::series);
  }

  @Post(value = "/series", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> seriesPost(HttpRequest<byte[]> request) {
    return series(request);
  }

  @Get("/format_query")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> formatQuery(HttpRequest<byte[]> request) {
    return run(
        request,
        call ->
            new Answer(LokiJson.formatted(LokiApi.formatQuery(call.params().query(config))), 0, 0));
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

  /** The JSON answer of a call and what it cost. */
  record Answer(byte[] json, long bytesScanned, long rowsScanned) {
    static Answer of(byte[] json, LokiApi.Answer<?> answer) {
      return new Answer(json, answer.bytesScanned(), answer.rowsScanned());
    }

    static Answer of(LokiResult result) {
      return new Answer(
          LokiJson.result(result), result.stats().bytesScanned(), result.stats().rowsScanned());
    }
  }

  private Answer queryRange(Call call, boolean categorized) {
    LokiRequest params = call.params();
    String query = params.query(config);
    LokiRequest.TimeRange range = params.bounds(LokiTime.nowNanos(), LokiTime.HOUR_NANOS);
    int limit = params.limit(config);
    Direction direction = params.direction();
    long step = params.step(range);
    // Parsed so a malformed value is a 400, as in Loki; not applied: Loki would keep one entry per
    // interval, IceGate returns them all (docs/loki.md).
    params.duration("interval");
    return Answer.of(
        api.queryRange(
            call.tenant(), query, range.start(), range.end(), step, limit, direction, categorized));
  }

  /** Log queries look back {@code since} (default 1 h) from {@code time} (default now). */
  private Answer query(Call call, boolean categorized) {
    LokiRequest params = call.params();
    String query = params.query(config);
    long time = params.time("time").orElse(LokiTime.nowNanos());
    int limit = params.limit(config);
    Direction direction = params.direction();
    long since = params.duration("since").orElse(LokiTime.HOUR_NANOS);
    return Answer.of(api.query(call.tenant(), query, time, since, limit, direction, categorized));
  }

  /** Stream label names in the range (default the last 6 h), sorted. */
  private Answer labels(Call call) {
    List<LabelMatcher> selector = selector(call.params());
    LokiRequest.TimeRange range = metadataRange(call.params());
    var answer = api.labels(call.tenant(), selector, range.start(), range.end());
    return Answer.of(LokiJson.strings(answer.result()), answer);
  }

  private Answer labelValues(Call call, String name) {
    List<LabelMatcher> selector = selector(call.params());
    LokiRequest.TimeRange range = metadataRange(call.params());
    var answer = api.labelValues(call.tenant(), name, selector, range.start(), range.end());
    return Answer.of(LokiJson.strings(answer.result()), answer);
  }

  /** The streams any {@code match[]} selects, sorted. */
  private Answer series(Call call) {
    List<List<LabelMatcher>> selectors = new ArrayList<>();
    for (String match : call.params().all("match[]")) {
      selectors.add(LokiQueries.selector(LokiRequest.checkedQuery(match, config)));
    }
    LokiRequest.TimeRange range = metadataRange(call.params());
    var answer = api.series(call.tenant(), selectors, range.start(), range.end());
    return Answer.of(LokiJson.series(answer.result()), answer);
  }

  /** The stream selector of the optional {@code query} of the metadata endpoints. */
  private List<LabelMatcher> selector(LokiRequest params) {
    return params
        .get("query")
        .map(text -> LokiRequest.checkedQuery(text, config))
        .map(LokiQueries::selectorOf)
        .orElse(List.of());
  }

  private static LokiRequest.TimeRange metadataRange(LokiRequest params) {
    return params.bounds(LokiTime.nowNanos(), 6 * LokiTime.HOUR_NANOS);
  }

  private HttpResponse<byte[]> run(HttpRequest<byte[]> request, Function<Call, Answer> op) {
    long start = System.nanoTime();
    try {
      TenantId tenant = RequestTenant.of(tenants, request);
      LokiRequest params = LokiRequest.of(request, request.getBody().orElse(null));
      Answer answer = op.apply(new Call(tenant, params));
      metrics.record(
          LokiResponses.API,
          "ok",
          System.nanoTime() - start,
          answer.bytesScanned(),
          answer.rowsScanned());
      return json(HttpStatus.OK, answer.json());
    } catch (RuntimeException e) {
      return LokiResponses.failure(e, metrics, start);
    }
  }

  private static boolean categorized(HttpRequest<?> request) {
    return request.getHeaders().getAll(ENCODING_FLAGS).stream()
        .flatMap(value -> java.util.Arrays.stream(value.split(",")))
        .anyMatch(flag -> flag.trim().equals("categorize-labels"));
  }

  private static HttpResponse<byte[]> json(HttpStatus status, byte[] body) {
    return LokiResponses.json(status, body);
  }
}
