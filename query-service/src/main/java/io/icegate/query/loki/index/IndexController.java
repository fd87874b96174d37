package io.icegate.query.loki.index;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.query.loki.LabelMapping;
import io.icegate.query.loki.LabelMatcher;
import io.icegate.query.loki.LokiConfiguration;
import io.icegate.query.loki.LokiJson;
import io.icegate.query.loki.LokiQueries;
import io.icegate.query.loki.LokiRequest;
import io.icegate.query.loki.LokiResponses;
import io.icegate.query.loki.LokiTime;
import io.icegate.query.loki.StreamLines;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Loki's index endpoints (docs/loki.md, "Index, detected and tail endpoints"): {@code index/stats}
 * answers {@code {streams, chunks, bytes, entries}} at the top level; {@code index/volume} a {@code
 * vector} and {@code index/volume_range} a {@code matrix} of log bytes. IceGate has no separate
 * index: both read the stream columns and line sizes of the selected rows.
 */
@Controller("/loki/api/v1/index")
final class IndexController {

  private final IndexScans scans;
  private final QueryTenantResolver tenants;
  private final LokiConfiguration config;
  private final LabelMapping mapping;
  private final LongSupplier nowNanos;

  IndexController(IndexScans scans, QueryTenantResolver tenants, LokiConfiguration config) {
    this.scans = requireNonNull(scans, "scans is null");
    this.tenants = requireNonNull(tenants, "tenants is null");
    this.config = requireNonNull(config, "config is null");
    this.mapping = new LabelMapping(config.indexLabels());
    this.nowNanos = LokiTime::nowNanos;
  }

  @Get("/stats")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> stats(HttpRequest<byte[]> request) {
    return LokiResponses.run(tenants, request, this::stats);
  }

  @Post(value = "/stats", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> statsPost(HttpRequest<byte[]> request) {
    return stats(request);
  }

  @Get("/volume")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> volume(HttpRequest<byte[]> request) {
    return LokiResponses.run(tenants, request, (tenant, params) -> volume(tenant, params, false));
  }

  @Post(value = "/volume", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> volumePost(HttpRequest<byte[]> request) {
    return volume(request);
  }

  @Get("/volume_range")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> volumeRange(HttpRequest<byte[]> request) {
    return LokiResponses.run(tenants, request, (tenant, params) -> volume(tenant, params, true));
  }

  @Post(value = "/volume_range", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> volumeRangePost(HttpRequest<byte[]> request) {
    return volumeRange(request);
  }

  private byte[] stats(TenantId tenant, LokiRequest params) {
    List<LabelMatcher> selector = selector(params);
    LokiRequest.TimeRange range = params.bounds(nowNanos.getAsLong(), LokiTime.HOUR_NANOS);
    Set<Map<String, String>> streams = new HashSet<>();
    long[] bytesEntries = new long[2];
    int[] chunks = new int[1];
    scans.run(
        tenant,
        scan -> {
          // [start, end]: Loki's index stats include chunks that end at `end`.
          StreamLines.forEach(
              scan,
              mapping,
              selector,
              range.start(),
              range.end() + 1,
              (ts, stream, bytes) -> {
                streams.add(stream);
                bytesEntries[0] += bytes;
                bytesEntries[1]++;
              });
          return null;
        },
        cost -> chunks[0] = cost.parquetObjectsRead());
    return LokiJson.write(
        json -> {
          json.writeStartObject();
          json.writeNumberField("streams", streams.size());
          json.writeNumberField("chunks", chunks[0]);
          json.writeNumberField("bytes", bytesEntries[0]);
          json.writeNumberField("entries", bytesEntries[1]);
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
    if (targets.isEmpty()) {
      selector.forEach(matcher -> targets.add(matcher.name()));
    }
    long step = 0;
    if (ranged) {
      step = params.step(range);
    }
    Volumes volumes = new Volumes(targets, aggregateBy, range.start(), step);
    scans.run(
        tenant,
        scan -> {
          StreamLines.forEach(
              scan, mapping, selector, range.start(), range.end() + 1, volumes::add);
          return null;
        },
        cost -> {});
    List<Volumes.Series> series = volumes.largest(limit);
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
