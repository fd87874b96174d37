package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.ExpectedRow.emptyToNull;
import static io.icegate.ingest.otlp.ExpectedRow.micros;
import static io.icegate.ingest.otlp.ExpectedRow.struct;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icegate.lake.wal.WalSignal;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoubleExemplarData;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.ExemplarData;
import io.opentelemetry.sdk.metrics.data.ExponentialHistogramPointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongExemplarData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.metrics.data.SummaryPointData;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The rows a test expects for what the OpenTelemetry SDK handed to its OTLP exporters, derived from
 * the SDK's own data objects by the rules of docs/schema.md, without the ingest mappers or
 * protobuf. Non-string attribute values and bodies are Jackson's compact JSON of the value.
 */
final class SdkRows {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // The SDK exporters mark span and link flags with "has is-remote" and "is remote" (OTLP 1.x).
  private static final int HAS_IS_REMOTE = 0x100;
  private static final int IS_REMOTE = 0x200;

  private SdkRows() {}

  static WalSignal signalOf(LogRecordData log) {
    return emptyToNull(log.getEventName()) == null ? WalSignal.LOGS : WalSignal.EVENTS;
  }

  static Map<String, Object> log(String tenant, LogRecordData log) {
    WalSignal signal = signalOf(log);
    long time =
        log.getTimestampEpochNanos() != 0
            ? log.getTimestampEpochNanos()
            : log.getObservedTimestampEpochNanos();
    ExpectedRow row = common(signal, tenant, log.getResource(), log.getInstrumentationScopeInfo());
    row.time(time)
        .put("attributes", attributes(log.getAttributes()))
        .put("observed_timestamp", micros(log.getObservedTimestampEpochNanos()))
        .put("severity_number", log.getSeverity().getSeverityNumber())
        .put("severity_text", emptyToNull(log.getSeverityText()))
        .put("body", log.getBodyValue() == null ? null : text(log.getBodyValue()))
        .put("trace_id", traceId(log.getSpanContext()))
        .put("span_id", spanId(log.getSpanContext()))
        .put("flags", log.getSpanContext().getTraceFlags().asByte() & 0xff)
        .put("dropped_attributes_count", log.getTotalAttributeCount() - log.getAttributes().size());
    if (signal == WalSignal.EVENTS) {
      row.put("event_name", log.getEventName());
    }
    return row.values();
  }

  static Map<String, Object> span(String tenant, SpanData span) {
    List<Object> events = new ArrayList<>();
    for (EventData event : span.getEvents()) {
      events.add(
          struct(
              "time_unix_nano", event.getEpochNanos(),
              "name", event.getName(),
              "attributes", attributes(event.getAttributes()),
              "dropped_attributes_count",
                  event.getTotalAttributeCount() - event.getAttributes().size()));
    }
    List<Object> links = new ArrayList<>();
    for (LinkData link : span.getLinks()) {
      SpanContext context = link.getSpanContext();
      links.add(
          struct(
              "trace_id", traceId(context),
              "span_id", spanId(context),
              "trace_state", traceState(context.getTraceState()),
              "attributes", attributes(link.getAttributes()),
              "flags", flags(context, context.isRemote()),
              "dropped_attributes_count",
                  link.getTotalAttributeCount() - link.getAttributes().size()));
    }
    SpanContext context = span.getSpanContext();
    return common(WalSignal.SPANS, tenant, span.getResource(), span.getInstrumentationScopeInfo())
        .time(span.getStartEpochNanos())
        .put("attributes", attributes(span.getAttributes()))
        .put("trace_id", traceId(context))
        .put("span_id", spanId(context))
        .put("parent_span_id", spanId(span.getParentSpanContext()))
        .put("trace_state", traceState(context.getTraceState()))
        .put("name", span.getName())
        .put("kind", span.getKind().ordinal() + 1)
        .put("end_timestamp", micros(span.getEndEpochNanos()))
        .put("duration_nanos", span.getEndEpochNanos() - span.getStartEpochNanos())
        .put("status_code", span.getStatus().getStatusCode().ordinal())
        .put("status_message", emptyToNull(span.getStatus().getDescription()))
        .put("flags", flags(context, span.getParentSpanContext().isRemote()))
        .put("events", events)
        .put("links", links)
        .put(
            "dropped_attributes_count", span.getTotalAttributeCount() - span.getAttributes().size())
        .put("dropped_events_count", span.getTotalRecordedEvents() - span.getEvents().size())
        .put("dropped_links_count", span.getTotalRecordedLinks() - span.getLinks().size())
        .values();
  }

  /** One row per data point. */
  static List<Map<String, Object>> metric(String tenant, MetricData metric) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PointData point : metric.getData().getPoints()) {
      ExpectedRow row = metricRow(tenant, metric, point);
      switch (metric.getType()) {
        case LONG_GAUGE, DOUBLE_GAUGE -> number(row.put("metric_type", "gauge"), point);
        case LONG_SUM -> {
          var sum = metric.getLongSumData();
          number(sum(row, sum.isMonotonic(), sum.getAggregationTemporality()), point);
        }
        case DOUBLE_SUM -> {
          var sum = metric.getDoubleSumData();
          number(sum(row, sum.isMonotonic(), sum.getAggregationTemporality()), point);
        }
        case HISTOGRAM -> {
          HistogramPointData histogram = (HistogramPointData) point;
          row.put("metric_type", "histogram")
              .put(
                  "aggregation_temporality",
                  temporality(metric.getHistogramData().getAggregationTemporality()))
              .put("count", histogram.getCount())
              .put("sum", histogram.getSum())
              .put("min", histogram.hasMin() ? histogram.getMin() : null)
              .put("max", histogram.hasMax() ? histogram.getMax() : null)
              .put("bucket_counts", List.copyOf(histogram.getCounts()))
              .put("explicit_bounds", List.copyOf(histogram.getBoundaries()))
              .put("exemplars", exemplars(histogram.getExemplars()));
        }
        case EXPONENTIAL_HISTOGRAM -> {
          ExponentialHistogramPointData histogram = (ExponentialHistogramPointData) point;
          row.put("metric_type", "exponential_histogram")
              .put(
                  "aggregation_temporality",
                  temporality(metric.getExponentialHistogramData().getAggregationTemporality()))
              .put("count", histogram.getCount())
              .put("sum", histogram.getSum())
              .put("min", histogram.hasMin() ? histogram.getMin() : null)
              .put("max", histogram.hasMax() ? histogram.getMax() : null)
              .put("scale", histogram.getScale())
              .put("zero_count", histogram.getZeroCount())
              // The SDK has no zero threshold; its exporters send OTLP's default, 0.
              .put("zero_threshold", 0.0)
              .put("positive_offset", histogram.getPositiveBuckets().getOffset())
              .put(
                  "positive_bucket_counts",
                  List.copyOf(histogram.getPositiveBuckets().getBucketCounts()))
              .put("negative_offset", histogram.getNegativeBuckets().getOffset())
              .put(
                  "negative_bucket_counts",
                  List.copyOf(histogram.getNegativeBuckets().getBucketCounts()))
              .put("exemplars", exemplars(histogram.getExemplars()));
        }
        case SUMMARY -> {
          SummaryPointData summary = (SummaryPointData) point;
          List<Object> quantiles = new ArrayList<>();
          summary
              .getValues()
              .forEach(
                  q -> quantiles.add(struct("quantile", q.getQuantile(), "value", q.getValue())));
          row.put("metric_type", "summary")
              .put("count", summary.getCount())
              .put("sum", summary.getSum())
              .put("quantiles", quantiles);
        }
      }
      rows.add(row.values());
    }
    return rows;
  }

  private static ExpectedRow metricRow(String tenant, MetricData metric, PointData point) {
    return common(
            WalSignal.METRICS, tenant, metric.getResource(), metric.getInstrumentationScopeInfo())
        .time(point.getEpochNanos())
        .put("attributes", attributes(point.getAttributes()))
        .put("metric_name", metric.getName())
        .put("description", emptyToNull(metric.getDescription()))
        .put("unit", emptyToNull(metric.getUnit()))
        .put("start_timestamp", micros(point.getStartEpochNanos()))
        .put("flags", 0)
        .put(
            "service_instance_id",
            metric.getResource().getAttribute(AttributeKey.stringKey("service.instance.id")));
  }

  private static ExpectedRow sum(ExpectedRow row, boolean monotonic, AggregationTemporality t) {
    return row.put("metric_type", "sum")
        .put("is_monotonic", monotonic)
        .put("aggregation_temporality", temporality(t));
  }

  private static void number(ExpectedRow row, PointData point) {
    if (point instanceof LongPointData value) {
      row.put("value_int", value.getValue());
    } else {
      row.put("value_double", ((DoublePointData) point).getValue());
    }
    row.put("exemplars", exemplars(point.getExemplars()));
  }

  private static List<Object> exemplars(List<? extends ExemplarData> exemplars) {
    List<Object> out = new ArrayList<>();
    for (ExemplarData exemplar : exemplars) {
      out.add(
          struct(
              "time_unix_nano", exemplar.getEpochNanos(),
              "value_double", exemplar instanceof DoubleExemplarData d ? d.getValue() : null,
              "value_int", exemplar instanceof LongExemplarData l ? l.getValue() : null,
              "trace_id", traceId(exemplar.getSpanContext()),
              "span_id", spanId(exemplar.getSpanContext()),
              "filtered_attributes", attributes(exemplar.getFilteredAttributes())));
    }
    return out;
  }

  private static int temporality(AggregationTemporality temporality) {
    return temporality == AggregationTemporality.DELTA ? 1 : 2;
  }

  private static ExpectedRow common(
      WalSignal signal, String tenant, Resource resource, InstrumentationScopeInfo scope) {
    String service = resource.getAttribute(AttributeKey.stringKey("service.name"));
    return new ExpectedRow(signal)
        .put("tenant_id", tenant)
        .put("service_name", emptyToNull(service) == null ? "unknown_service" : service)
        .put("resource_attributes", attributes(resource.getAttributes()))
        .put("scope_name", emptyToNull(scope.getName()))
        .put("scope_version", emptyToNull(scope.getVersion()))
        .put("scope_attributes", attributes(scope.getAttributes()));
  }

  private static String traceId(SpanContext context) {
    return context.isValid() ? context.getTraceId() : null;
  }

  private static String spanId(SpanContext context) {
    return context.isValid() ? context.getSpanId() : null;
  }

  private static int flags(SpanContext context, boolean remote) {
    return (context.getTraceFlags().asByte() & 0xff) | HAS_IS_REMOTE | (remote ? IS_REMOTE : 0);
  }

  /** W3C tracestate header form, entries in the SDK's order; empty is null. */
  private static String traceState(TraceState state) {
    StringJoiner header = new StringJoiner(",");
    state.forEach((key, value) -> header.add(key + "=" + value));
    return emptyToNull(header.toString());
  }

  static Map<String, String> attributes(Attributes attributes) {
    Map<String, String> out = new HashMap<>();
    attributes.forEach(
        (key, value) ->
            out.put(key.getKey(), value instanceof String s ? s : json(JSON.valueToTree(value))));
    return out;
  }

  private static String text(Value<?> value) {
    return value.getValue() instanceof String s ? s : json(node(value));
  }

  private static JsonNode node(Value<?> value) {
    return switch (value.getType()) {
      case STRING -> NODES.textNode((String) value.getValue());
      case BOOLEAN -> NODES.booleanNode((Boolean) value.getValue());
      case LONG -> NODES.numberNode((Long) value.getValue());
      case DOUBLE -> NODES.numberNode((Double) value.getValue());
      case BYTES -> {
        ByteBuffer buffer = ((ByteBuffer) value.getValue()).duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        yield NODES.textNode(Base64.getEncoder().encodeToString(bytes));
      }
      case ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        ((List<?>) value.getValue()).forEach(v -> array.add(node((Value<?>) v)));
        yield array;
      }
      case KEY_VALUE_LIST -> {
        ObjectNode object = NODES.objectNode();
        ((List<?>) value.getValue())
            .forEach(kv -> object.set(((KeyValue) kv).getKey(), node(((KeyValue) kv).getValue())));
        yield object;
      }
    };
  }

  static String json(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
