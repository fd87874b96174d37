package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpValues.SPAN_ID;
import static io.icegate.ingest.otlp.OtlpValues.TRACE_ID;
import static io.icegate.ingest.otlp.OtlpValues.array;
import static io.icegate.ingest.otlp.OtlpValues.bool;
import static io.icegate.ingest.otlp.OtlpValues.bytes;
import static io.icegate.ingest.otlp.OtlpValues.dbl;
import static io.icegate.ingest.otlp.OtlpValues.id;
import static io.icegate.ingest.otlp.OtlpValues.integer;
import static io.icegate.ingest.otlp.OtlpValues.kv;
import static io.icegate.ingest.otlp.OtlpValues.kvlist;
import static io.icegate.ingest.otlp.OtlpValues.str;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

/** OTLP requests with every field that has a column set to a non-default value. */
final class MaximalRequests {
  static final long T = 1544712660300000123L;

  private MaximalRequests() {}

  static Resource resource() {
    return Resource.newBuilder()
        .addAttributes(kv("service.name", "checkout"))
        .addAttributes(kv("service.instance.id", "pod-7"))
        .addAttributes(kv("host.cpus", integer(8)))
        .setDroppedAttributesCount(1)
        .build();
  }

  static InstrumentationScope scope() {
    return InstrumentationScope.newBuilder()
        .setName("io.example")
        .setVersion("2.1")
        .addAttributes(kv("scope.flag", bool(true)))
        .setDroppedAttributesCount(1)
        .build();
  }

  static ExportLogsServiceRequest logs() {
    LogRecord log =
        LogRecord.newBuilder()
            .setTimeUnixNano(T)
            .setObservedTimeUnixNano(T + 5)
            .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_ERROR)
            .setSeverityText("ERROR")
            .setBody(kvlist(kv("msg", "failed"), kv("codes", array(integer(1), dbl(2.5)))))
            .addAttributes(kv("bytes", bytes((byte) 1)))
            .setDroppedAttributesCount(2)
            .setFlags(1)
            .setTraceId(id(TRACE_ID))
            .setSpanId(id(SPAN_ID))
            .build();
    ScopeLogs scopeLogs =
        ScopeLogs.newBuilder()
            .setScope(scope())
            .setSchemaUrl("https://opentelemetry.io/schemas/1.26.0")
            .addLogRecords(log)
            .addLogRecords(log.toBuilder().setEventName("app.checkout"))
            .build();
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder()
                .setResource(resource())
                .setSchemaUrl("https://opentelemetry.io/schemas/1.26.0")
                .addScopeLogs(scopeLogs))
        .build();
  }

  static ExportTraceServiceRequest traces() {
    Span span =
        Span.newBuilder()
            .setTraceId(id(TRACE_ID))
            .setSpanId(id(SPAN_ID))
            .setParentSpanId(id(SPAN_ID))
            .setTraceState("vendor=1")
            .setFlags(0x101)
            .setName("GET /cart")
            .setKind(Span.SpanKind.SPAN_KIND_SERVER)
            .setStartTimeUnixNano(T)
            .setEndTimeUnixNano(T + 1_500)
            .addAttributes(kv("http.status_code", integer(200)))
            .setDroppedAttributesCount(1)
            .addEvents(
                Span.Event.newBuilder()
                    .setTimeUnixNano(T + 10)
                    .setName("retry")
                    .addAttributes(kv("attempt", integer(2)))
                    .setDroppedAttributesCount(1))
            .setDroppedEventsCount(2)
            .addLinks(
                Span.Link.newBuilder()
                    .setTraceId(id(TRACE_ID))
                    .setSpanId(id(SPAN_ID))
                    .setTraceState("vendor=2")
                    .addAttributes(kv("link.kind", "follows"))
                    .setDroppedAttributesCount(1)
                    .setFlags(1))
            .setDroppedLinksCount(3)
            .setStatus(
                Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("x"))
            .build();
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(resource())
                .addScopeSpans(ScopeSpans.newBuilder().setScope(scope()).addSpans(span)))
        .build();
  }

  static ExportMetricsServiceRequest metrics() {
    AggregationTemporality delta = AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA;
    NumberDataPoint doublePoint =
        NumberDataPoint.newBuilder()
            .setStartTimeUnixNano(T - 1000)
            .setTimeUnixNano(T)
            .setAsDouble(1.5)
            .addAttributes(kv("route", "/cart"))
            .addExemplars(exemplar().setAsDouble(1.5))
            .setFlags(1)
            .build();
    NumberDataPoint intPoint =
        doublePoint.toBuilder().setAsInt(3).setExemplars(0, exemplar().setAsInt(3)).build();
    ScopeMetrics scopeMetrics =
        ScopeMetrics.newBuilder()
            .setScope(scope())
            .addMetrics(metric("g").setGauge(Gauge.newBuilder().addDataPoints(doublePoint)))
            .addMetrics(
                metric("s")
                    .setSum(
                        Sum.newBuilder()
                            .setAggregationTemporality(delta)
                            .setIsMonotonic(true)
                            .addDataPoints(intPoint)))
            .addMetrics(
                metric("h")
                    .setHistogram(
                        Histogram.newBuilder()
                            .setAggregationTemporality(delta)
                            .addDataPoints(
                                HistogramDataPoint.newBuilder()
                                    .setStartTimeUnixNano(T - 1000)
                                    .setTimeUnixNano(T)
                                    .addAttributes(kv("route", "/cart"))
                                    .setCount(3)
                                    .setSum(6)
                                    .setMin(1)
                                    .setMax(3)
                                    .addBucketCounts(1)
                                    .addBucketCounts(2)
                                    .addExplicitBounds(2.0)
                                    .addExemplars(exemplar().setAsDouble(2))
                                    .setFlags(1))))
            .addMetrics(
                metric("e")
                    .setExponentialHistogram(
                        ExponentialHistogram.newBuilder()
                            .setAggregationTemporality(delta)
                            .addDataPoints(
                                ExponentialHistogramDataPoint.newBuilder()
                                    .setStartTimeUnixNano(T - 1000)
                                    .setTimeUnixNano(T)
                                    .setCount(5)
                                    .setSum(-1)
                                    .setMin(-3)
                                    .setMax(2)
                                    .setScale(3)
                                    .setZeroCount(1)
                                    .setZeroThreshold(0.001)
                                    .setPositive(buckets(-2, 1, 1))
                                    .setNegative(buckets(4, 2))
                                    .addExemplars(exemplar().setAsDouble(2))
                                    .setFlags(1))))
            .addMetrics(
                metric("q")
                    .setSummary(
                        Summary.newBuilder()
                            .addDataPoints(
                                SummaryDataPoint.newBuilder()
                                    .setStartTimeUnixNano(T - 1000)
                                    .setTimeUnixNano(T)
                                    .setCount(2)
                                    .setSum(3)
                                    .addQuantileValues(
                                        SummaryDataPoint.ValueAtQuantile.newBuilder()
                                            .setQuantile(0.5)
                                            .setValue(1.5)))))
            .build();
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder().setResource(resource()).addScopeMetrics(scopeMetrics))
        .build();
  }

  private static Metric.Builder metric(String name) {
    return Metric.newBuilder()
        .setName(name)
        .setDescription("about " + name)
        .setUnit("ms")
        .addMetadata(kv("origin", str("sdk")));
  }

  private static Exemplar.Builder exemplar() {
    return Exemplar.newBuilder()
        .setTimeUnixNano(T - 10)
        .setTraceId(id(TRACE_ID))
        .setSpanId(id(SPAN_ID))
        .addFilteredAttributes(kv("user", "u1"));
  }

  private static ExponentialHistogramDataPoint.Buckets buckets(int offset, long... counts) {
    ExponentialHistogramDataPoint.Buckets.Builder buckets =
        ExponentialHistogramDataPoint.Buckets.newBuilder().setOffset(offset);
    for (long count : counts) {
      buckets.addBucketCounts(count);
    }
    return buckets.build();
  }
}
