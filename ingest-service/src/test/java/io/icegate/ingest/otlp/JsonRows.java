package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.ExpectedRow.emptyToNull;
import static io.icegate.ingest.otlp.ExpectedRow.micros;
import static io.icegate.ingest.otlp.ExpectedRow.struct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icegate.lake.wal.WalSignal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows a test expects for an OTLP/JSON request, read with a plain Jackson tree by the rules of
 * docs/schema.md, independently of {@code OtlpJson} and the mappers. Covers the fields the
 * conformance examples use (camelCase names, enums as numbers) and all metric types.
 */
final class JsonRows {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String tenant;
  private final Map<WalSignal, List<Map<String, Object>>> rows = new HashMap<>();

  private JsonRows(String tenant) {
    this.tenant = tenant;
    for (WalSignal signal : WalSignal.values()) {
      rows.put(signal, new ArrayList<>());
    }
  }

  /** Expected rows by signal (logs and events both from a logs request). */
  static Map<WalSignal, List<Map<String, Object>>> of(String tenant, byte[] request) {
    JsonRows out = new JsonRows(tenant);
    JsonNode root = tree(request);
    for (JsonNode resource : root.path("resourceLogs")) {
      for (JsonNode scope : resource.path("scopeLogs")) {
        for (JsonNode log : scope.path("logRecords")) {
          out.log(resource.path("resource"), scope.path("scope"), log);
        }
      }
    }
    for (JsonNode resource : root.path("resourceSpans")) {
      for (JsonNode scope : resource.path("scopeSpans")) {
        for (JsonNode span : scope.path("spans")) {
          out.span(resource.path("resource"), scope.path("scope"), span);
        }
      }
    }
    for (JsonNode resource : root.path("resourceMetrics")) {
      for (JsonNode scope : resource.path("scopeMetrics")) {
        for (JsonNode metric : scope.path("metrics")) {
          out.metric(resource.path("resource"), scope.path("scope"), metric);
        }
      }
    }
    return out.rows;
  }

  private void log(JsonNode resource, JsonNode scope, JsonNode log) {
    String eventName = emptyToNull(log.path("eventName").asText());
    WalSignal signal = eventName == null ? WalSignal.LOGS : WalSignal.EVENTS;
    long time = nanos(log, "timeUnixNano");
    long observed = nanos(log, "observedTimeUnixNano");
    ExpectedRow row =
        common(signal, resource, scope, log)
            .time(time != 0 ? time : observed)
            .put("observed_timestamp", micros(observed))
            .put("severity_number", log.path("severityNumber").asInt())
            .put("severity_text", emptyToNull(log.path("severityText").asText()))
            .put("body", log.has("body") ? text(log.get("body")) : null)
            .put("trace_id", id(log, "traceId"))
            .put("span_id", id(log, "spanId"))
            .put("flags", log.path("flags").asInt())
            .put("dropped_attributes_count", log.path("droppedAttributesCount").asInt());
    if (eventName != null) {
      row.put("event_name", eventName);
    }
    rows.get(signal).add(row.values());
  }

  private void span(JsonNode resource, JsonNode scope, JsonNode span) {
    List<Object> events = new ArrayList<>();
    for (JsonNode event : span.path("events")) {
      events.add(
          struct(
              "time_unix_nano", nanos(event, "timeUnixNano"),
              "name", event.path("name").asText(),
              "attributes", attributes(event.path("attributes")),
              "dropped_attributes_count", event.path("droppedAttributesCount").asInt()));
    }
    List<Object> links = new ArrayList<>();
    for (JsonNode link : span.path("links")) {
      links.add(
          struct(
              "trace_id", id(link, "traceId"),
              "span_id", id(link, "spanId"),
              "trace_state", emptyToNull(link.path("traceState").asText()),
              "attributes", attributes(link.path("attributes")),
              "flags", link.path("flags").asInt(),
              "dropped_attributes_count", link.path("droppedAttributesCount").asInt()));
    }
    long start = nanos(span, "startTimeUnixNano");
    long end = nanos(span, "endTimeUnixNano");
    ExpectedRow row =
        common(WalSignal.SPANS, resource, scope, span)
            .time(start)
            .put("trace_id", id(span, "traceId"))
            .put("span_id", id(span, "spanId"))
            .put("parent_span_id", id(span, "parentSpanId"))
            .put("trace_state", emptyToNull(span.path("traceState").asText()))
            .put("name", span.path("name").asText())
            .put("kind", span.path("kind").asInt())
            .put("end_timestamp", micros(end))
            .put("duration_nanos", start == 0 || end == 0 ? null : end - start)
            .put("status_code", span.path("status").path("code").asInt())
            .put("status_message", emptyToNull(span.path("status").path("message").asText()))
            .put("flags", span.path("flags").asInt())
            .put("events", events)
            .put("links", links)
            .put("dropped_attributes_count", span.path("droppedAttributesCount").asInt())
            .put("dropped_events_count", span.path("droppedEventsCount").asInt())
            .put("dropped_links_count", span.path("droppedLinksCount").asInt());
    rows.get(WalSignal.SPANS).add(row.values());
  }

  private void metric(JsonNode resource, JsonNode scope, JsonNode metric) {
    for (String type : List.of("gauge", "sum", "histogram", "exponentialHistogram", "summary")) {
      JsonNode data = metric.path(type);
      for (JsonNode point : data.path("dataPoints")) {
        ExpectedRow row =
            common(WalSignal.METRICS, resource, scope, point)
                .time(nanos(point, "timeUnixNano"))
                .put("metric_name", metric.path("name").asText())
                .put("metric_type", snakeCase(type))
                .put("description", emptyToNull(metric.path("description").asText()))
                .put("unit", emptyToNull(metric.path("unit").asText()))
                .put("start_timestamp", micros(nanos(point, "startTimeUnixNano")))
                .put("flags", point.path("flags").asInt())
                .put("service_instance_id", serviceInstanceId(resource));
        if (!type.equals("gauge") && !type.equals("summary")) {
          row.put("aggregation_temporality", data.path("aggregationTemporality").asInt());
        }
        switch (type) {
          case "gauge", "sum" -> {
            if (type.equals("sum")) {
              row.put("is_monotonic", data.path("isMonotonic").asBoolean());
            }
            row.put("value_double", point.has("asDouble") ? point.get("asDouble").asDouble() : null)
                .put("value_int", point.has("asInt") ? point.get("asInt").asLong() : null)
                .put("exemplars", exemplars(point));
          }
          case "histogram" ->
              histogram(row, point)
                  .put("bucket_counts", longs(point.path("bucketCounts")))
                  .put("explicit_bounds", doubles(point.path("explicitBounds")));
          case "exponentialHistogram" ->
              histogram(row, point)
                  .put("scale", point.path("scale").asInt())
                  .put("zero_count", point.path("zeroCount").asLong())
                  .put("zero_threshold", point.path("zeroThreshold").asDouble())
                  .put("positive_offset", point.path("positive").path("offset").asInt())
                  .put("positive_bucket_counts", longs(point.path("positive").path("bucketCounts")))
                  .put("negative_offset", point.path("negative").path("offset").asInt())
                  .put(
                      "negative_bucket_counts", longs(point.path("negative").path("bucketCounts")));
          default -> {
            List<Object> quantiles = new ArrayList<>();
            for (JsonNode q : point.path("quantileValues")) {
              quantiles.add(
                  struct(
                      "quantile",
                      q.path("quantile").asDouble(),
                      "value",
                      q.path("value").asDouble()));
            }
            row.put("count", point.path("count").asLong())
                .put("sum", point.path("sum").asDouble())
                .put("quantiles", quantiles);
          }
        }
        rows.get(WalSignal.METRICS).add(row.values());
      }
    }
  }

  private static ExpectedRow histogram(ExpectedRow row, JsonNode point) {
    return row.put("count", point.path("count").asLong())
        .put("sum", point.has("sum") ? point.get("sum").asDouble() : null)
        .put("min", point.has("min") ? point.get("min").asDouble() : null)
        .put("max", point.has("max") ? point.get("max").asDouble() : null)
        .put("exemplars", exemplars(point));
  }

  private static List<Object> exemplars(JsonNode point) {
    List<Object> out = new ArrayList<>();
    for (JsonNode exemplar : point.path("exemplars")) {
      out.add(
          struct(
              "time_unix_nano", nanos(exemplar, "timeUnixNano"),
              "value_double", exemplar.has("asDouble") ? exemplar.get("asDouble").asDouble() : null,
              "value_int", exemplar.has("asInt") ? exemplar.get("asInt").asLong() : null,
              "trace_id", id(exemplar, "traceId"),
              "span_id", id(exemplar, "spanId"),
              "filtered_attributes", attributes(exemplar.path("filteredAttributes"))));
    }
    return out;
  }

  private ExpectedRow common(WalSignal signal, JsonNode resource, JsonNode scope, JsonNode item) {
    Map<String, String> resourceAttributes = attributes(resource.path("attributes"));
    String service = emptyToNull(resourceAttributes.get("service.name"));
    return new ExpectedRow(signal)
        .put("tenant_id", tenant)
        .put("service_name", service == null ? "unknown_service" : service)
        .put("resource_attributes", resourceAttributes)
        .put("scope_name", emptyToNull(scope.path("name").asText()))
        .put("scope_version", emptyToNull(scope.path("version").asText()))
        .put("scope_attributes", attributes(scope.path("attributes")))
        .put("attributes", attributes(item.path("attributes")));
  }

  private static String serviceInstanceId(JsonNode resource) {
    return attributes(resource.path("attributes")).get("service.instance.id");
  }

  private static Map<String, String> attributes(JsonNode keyValues) {
    Map<String, String> out = new HashMap<>();
    for (JsonNode kv : keyValues) {
      out.put(kv.path("key").asText(), text(kv.path("value")));
    }
    return out;
  }

  /** A string AnyValue as is, any other as compact JSON of its value. */
  private static String text(JsonNode anyValue) {
    return anyValue.has("stringValue")
        ? anyValue.get("stringValue").asText()
        : SdkRows.json(value(anyValue));
  }

  private static JsonNode value(JsonNode anyValue) {
    if (anyValue.has("stringValue")) {
      return anyValue.get("stringValue");
    } else if (anyValue.has("boolValue")) {
      return NODES.booleanNode(anyValue.get("boolValue").asBoolean());
    } else if (anyValue.has("intValue")) {
      // OTLP/JSON writes 64-bit ints as strings.
      return NODES.numberNode(Long.parseLong(anyValue.get("intValue").asText()));
    } else if (anyValue.has("doubleValue")) {
      return NODES.numberNode(anyValue.get("doubleValue").asDouble());
    } else if (anyValue.has("bytesValue")) {
      return anyValue.get("bytesValue");
    } else if (anyValue.has("arrayValue")) {
      ArrayNode array = NODES.arrayNode();
      anyValue.get("arrayValue").path("values").forEach(v -> array.add(value(v)));
      return array;
    } else if (anyValue.has("kvlistValue")) {
      ObjectNode object = NODES.objectNode();
      for (JsonNode kv : anyValue.get("kvlistValue").path("values")) {
        object.set(kv.path("key").asText(), value(kv.path("value")));
      }
      return object;
    }
    return NODES.nullNode();
  }

  private static long nanos(JsonNode node, String field) {
    return node.has(field) ? Long.parseUnsignedLong(node.get(field).asText()) : 0;
  }

  private static String id(JsonNode node, String field) {
    String hex = node.path(field).asText();
    return hex.isEmpty() ? null : hex.toLowerCase(Locale.ROOT);
  }

  private static List<Long> longs(JsonNode array) {
    List<Long> out = new ArrayList<>();
    array.forEach(v -> out.add(Long.parseLong(v.asText())));
    return out;
  }

  private static List<Double> doubles(JsonNode array) {
    List<Double> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asDouble()));
    return out;
  }

  private static String snakeCase(String type) {
    return type.equals("exponentialHistogram") ? "exponential_histogram" : type;
  }

  private static JsonNode tree(byte[] json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
