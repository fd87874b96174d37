package io.icegate.query.http.loki.index;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.QueryMetrics;
import io.icegate.query.http.loki.LokiJson;
import io.icegate.query.http.loki.LokiRequest;
import io.icegate.query.http.loki.LokiResponses;
import io.icegate.query.http.loki.LokiTime;
import io.icegate.query.loki.LabelMatcher;
import io.icegate.query.loki.LokiConfiguration;
import io.icegate.query.loki.LokiQueries;
import io.icegate.query.loki.index.IndexApi;
import io.icegate.query.loki.index.Volumes;
import io.icegate.query.tenant.QueryTenantResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Loki's index endpoints (docs/loki.md, "Index, detected and tail endpoints"): {@code index/stats}
 * answers {@code {streams, chunks, bytes, entries}} at the top level; {@code index/volume} a {@code
 * vector} and {@code index/volume_range} a {@code matrix} of log bytes; the engine's {@link
 * IndexApi} computes them.
 */
@Controller("/loki/api/v1/index")
final class IndexController {

  private final IndexApi index;
  private final QueryTenantResolver tenants;
  private final LokiConfiguration config;
  private final QueryMetrics metrics;
  private final LongSupplier nowNanos;

  IndexController(
      IndexApi index, QueryTenantResolver tenants, LokiConfiguration config, QueryMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.index = requireNonNull(index, "index is null");
    this.tenants = requireNonNull(tenants, "tenants is null");
    this.config = requireNonNull(config, "config is null");
    this.nowNanos = LokiTime::nowNanos;
  }

  @Get("/stats")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> stats(HttpRequest<byte[]> request) {
    return LokiResponses.run(tenants, metrics, request, this::stats);
  }

  @Post(value = "/stats", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> statsPost(HttpRequest<byte[]> request) {
    return stats(request);
  }

  @Get("/volume")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> volume(HttpRequest<byte[]> request) {
    return LokiResponses.run(
        tenants, metrics, request, (tenant, params) -> volume(tenant, params, false));
  }

  @Post(value = "/volume", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> volumePost(HttpRequest<byte[]> request) {
    return volume(request);
  }

  @Get("/volume_range")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> volumeRange(HttpRequest<byte[]> request) {
    return LokiResponses.run(
        tenants, metrics, request, (tenant, params) -> volume(tenant, params, true));
  }

  @Post(value = "/volume_range", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> volumeRangePost(HttpRequest<byte[]> request) {
    return volumeRange(request);
  }

  private byte[] stats(TenantId tenant, LokiRequest params) {
    List<LabelMatcher> selector = selector(params);
    LokiRequest.TimeRange range = params.bounds(nowNanos.getAsLong(), LokiTime.HOUR_NANOS);
    IndexApi.Stats stats = index.stats(tenant, selector, range.start(), range.end());
    return LokiJson.write(
        json -> {
          json.writeStartObject();
          json.writeNumberField("streams", stats.streams());
          json.writeNumberField("chunks", stats.chunks());
          json.writeNumberField("bytes", stats.bytes());
          json.writeNumberField("entries", stats.entries());
          json.writeEndObject();
        });
  }

  private byte[] volume(TenantId tenant, LokiRequest params, boolean ranged) {
    List<LabelMatcher> selector = selector(params);
    LokiRequest.TimeRange range = params.bounds(nowNanos.getAsLong(), LokiTime.HOUR_NANOS);
    int limit = params.positive("limit", config.maxLimit(), "icegate.loki.max-limit").orElse(100);
    Volumes.AggregateBy aggregateBy =
        params
            .get("aggregateBy")
            .map(Volumes.AggregateBy::parse)
            .orElse(Volumes.AggregateBy.SERIES);
    Set<String> targets = new LinkedHashSet<>();
    params
        .get("targetLabels")
        .ifPresent(
            value ->
                Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(name -> !name.isEmpty())
                    .forEach(targets::add));
    long step = 0;
    if (ranged) {
      step = params.step(range);
    }
    List<Volumes.Series> series =
        index.volume(
            tenant, selector, range.start(), range.end(), step, limit, aggregateBy, targets);
    long end = range.end();
    return LokiJson.write(
        json -> {
          json.writeStartObject();
          json.writeStringField("status", "success");
          json.writeObjectFieldStart("data");
          json.writeStringField("resultType", ranged ? "matrix" : "vector");
          json.writeArrayFieldStart("result");
          for (Volumes.Series one : series) {
            json.writeStartObject();
            json.writeObjectFieldStart("metric");
            for (Map.Entry<String, String> label : one.metric().entrySet()) {
              json.writeStringField(label.getKey(), label.getValue());
            }
            json.writeEndObject();
            if (ranged) {
              json.writeArrayFieldStart("values");
              for (Map.Entry<Long, Long> point : one.points().entrySet()) {
                json.writeStartArray();
                LokiJson.writeSeconds(json, point.getKey());
                json.writeString(Long.toString(point.getValue()));
                json.writeEndArray();
              }
              json.writeEndArray();
            } else {
              json.writeArrayFieldStart("value");
              LokiJson.writeSeconds(json, end);
              json.writeString(Long.toString(one.total()));
              json.writeEndArray();
            }
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  private List<LabelMatcher> selector(LokiRequest params) {
    return LokiQueries.selectorOf(params.query(config));
  }
}
