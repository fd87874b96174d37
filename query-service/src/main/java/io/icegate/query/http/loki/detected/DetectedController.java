package io.icegate.query.http.loki.detected;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.QueryMetrics;
import io.icegate.query.http.loki.LokiJson;
import io.icegate.query.http.loki.LokiRequest;
import io.icegate.query.http.loki.LokiResponses;
import io.icegate.query.http.loki.LokiTime;
import io.icegate.query.loki.LabelMatcher;
import io.icegate.query.loki.LogSelection;
import io.icegate.query.loki.LokiConfiguration;
import io.icegate.query.loki.LokiQueries;
import io.icegate.query.loki.detected.DetectedApi;
import io.icegate.query.loki.detected.DetectedFields;
import io.icegate.query.tenant.QueryTenantResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loki's "detected" endpoints that Grafana's Logs Drilldown and the query builder call
 * (docs/loki.md, "Index, detected and tail endpoints"): {@code detected_labels}, {@code
 * detected_fields}, {@code detected_field/{name}/values}, and {@code patterns}, which answers an
 * honest empty list because IceGate does not mine patterns.
 */
@Controller("/loki/api/v1")
final class DetectedController {

  /** Loki's defaults for {@code line_limit} and {@code limit} of detected fields. */
  private static final int DEFAULT_LINES = 1000;

  private static final int DEFAULT_FIELDS = 1000;
  static final int MAX_LINES = 5000;
  static final int MAX_FIELDS = 10_000;

  private final DetectedApi detected;
  private final QueryTenantResolver tenants;
  private final LokiConfiguration config;
  private final QueryMetrics metrics;

  DetectedController(
      DetectedApi detected,
      QueryTenantResolver tenants,
      LokiConfiguration config,
      QueryMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.detected = requireNonNull(detected, "detected is null");
    this.tenants = requireNonNull(tenants, "tenants is null");
    this.config = requireNonNull(config, "config is null");
  }

  @Get("/detected_labels")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> detectedLabels(HttpRequest<byte[]> request) {
    return LokiResponses.run(tenants, metrics, request, this::detectedLabels);
  }

  @Post(value = "/detected_labels", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> detectedLabelsPost(HttpRequest<byte[]> request) {
    return detectedLabels(request);
  }

  @Get("/detected_fields")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> detectedFields(HttpRequest<byte[]> request) {
    return LokiResponses.run(tenants, metrics, request, this::detectedFields);
  }

  @Post(value = "/detected_fields", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> detectedFieldsPost(HttpRequest<byte[]> request) {
    return detectedFields(request);
  }

  @Get("/detected_field/{name}/values")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> fieldValues(@PathVariable String name, HttpRequest<byte[]> request) {
    return LokiResponses.run(
        tenants, metrics, request, (tenant, params) -> values(tenant, name, params));
  }

  @Post(value = "/detected_field/{name}/values", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> fieldValuesPost(@PathVariable String name, HttpRequest<byte[]> request) {
    return fieldValues(name, request);
  }

  @Get("/patterns")
  HttpResponse<byte[]> patterns(HttpRequest<byte[]> request) {
    return LokiResponses.run(
        tenants,
        metrics,
        request,
        (tenant, params) -> {
          // The query is still checked, so a bad one is refused as Loki would.
          LokiQueries.logQuery(params.query(config));
          params.bounds(LokiTime.nowNanos(), LokiTime.HOUR_NANOS);
          return LokiJson.write(
              json -> {
                json.writeStartObject();
                json.writeStringField("status", "success");
                json.writeArrayFieldStart("data");
                json.writeEndArray();
                json.writeEndObject();
              });
        });
  }

  @Post(value = "/patterns", consumes = MediaType.ALL)
  HttpResponse<byte[]> patternsPost(HttpRequest<byte[]> request) {
    return patterns(request);
  }

  private byte[] detectedLabels(TenantId tenant, LokiRequest params) {
    List<LabelMatcher> selector =
        params
            .get("query")
            .map(query -> LokiRequest.checkedQuery(query, config))
            .map(LokiQueries::selectorOf)
            .orElse(List.of());
    LokiRequest.TimeRange range = params.bounds(LokiTime.nowNanos(), LokiTime.HOUR_NANOS);
    Map<String, Set<String>> values = detected.labels(tenant, selector, range.start(), range.end());
    return LokiJson.write(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("detectedLabels");
          for (Map.Entry<String, Set<String>> label : values.entrySet()) {
            json.writeStartObject();
            json.writeStringField("label", label.getKey());
            json.writeNumberField("cardinality", label.getValue().size());
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  private byte[] detectedFields(TenantId tenant, LokiRequest params) {
    int fieldLimit =
        params
            .positive("limit", MAX_FIELDS, "detected_fields limit, at most " + MAX_FIELDS)
            .orElse(DEFAULT_FIELDS);
    DetectedFields fields = sample(tenant, params);
    return LokiJson.write(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("fields");
          for (DetectedFields.Field field : fields.fields(fieldLimit)) {
            json.writeStartObject();
            json.writeStringField("label", field.label());
            json.writeStringField("type", field.type());
            json.writeNumberField("cardinality", field.values().size());
            if (field.parsers().isEmpty()) {
              json.writeNullField("parsers");
            } else {
              json.writeArrayFieldStart("parsers");
              for (String parser : field.parsers()) {
                json.writeString(parser);
              }
              json.writeEndArray();
            }
            json.writeEndObject();
          }
          json.writeEndArray();
          json.writeNumberField("limit", fieldLimit);
          json.writeEndObject();
        });
  }

  private byte[] values(TenantId tenant, String name, LokiRequest params) {
    int limit =
        params
            .positive("limit", MAX_FIELDS, "detected_field values limit, at most " + MAX_FIELDS)
            .orElse(DEFAULT_FIELDS);
    List<String> values = fieldValues(sample(tenant, params).values(name), limit);
    return LokiJson.write(
        json -> {
          json.writeStartObject();
          json.writeArrayFieldStart("values");
          for (String value : values) {
            json.writeString(value);
          }
          json.writeEndArray();
          json.writeNumberField("limit", limit);
          json.writeEndObject();
        });
  }

  private static List<String> fieldValues(Set<String> values, int limit) {
    return values.stream().limit(limit).toList();
  }

  /** The newest {@code line_limit} lines of the query in the range, their fields detected. */
  private DetectedFields sample(TenantId tenant, LokiRequest params) {
    LogSelection selection = LokiQueries.logQuery(params.query(config));
    LokiRequest.TimeRange range = params.bounds(LokiTime.nowNanos(), LokiTime.HOUR_NANOS);
    int lines =
        params
            .positive("line_limit", MAX_LINES, "detected_fields line_limit, at most " + MAX_LINES)
            .orElse(DEFAULT_LINES);
    return detected.fields(tenant, selection, range.start(), range.end(), lines);
  }
}
