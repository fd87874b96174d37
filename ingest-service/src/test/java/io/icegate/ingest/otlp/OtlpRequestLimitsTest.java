package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpRequests.log;
import static io.icegate.ingest.otlp.OtlpRequests.logs;
import static io.icegate.ingest.otlp.OtlpValues.array;
import static io.icegate.ingest.otlp.OtlpValues.kv;
import static io.icegate.ingest.otlp.OtlpValues.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.config.InvalidConfigurationException;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OtlpRequestLimitsTest {
  private final RequestLimits limits =
      new RequestLimits(
          new IngestLimits(
              1L << 20, 1L << 20, 2, 4, 8, 1L << 20, 1L << 20, 1L << 20, Duration.ofSeconds(1)));

  @Test
  void requestWithinTheLimitsIsKeptAsIs() {
    ExportLogsServiceRequest request =
        logs(log("body longer than four", kv("a", "1"), kv("b", "2")));

    assertThat(limits.apply(request)).isSameAs(request);
  }

  @Test
  void extraLogAttributesAreDroppedAndCountedAndLongValuesCut() {
    LogRecord record =
        log(
                "bodies are never cut",
                kv("a", "12345678"),
                kv("b", array(str("abcdef"))),
                kv("c", "3"))
            .toBuilder()
            .setDroppedAttributesCount(1)
            .build();

    LogRecord limited =
        limits.apply(logs(record)).getResourceLogs(0).getScopeLogs(0).getLogRecords(0);

    assertThat(limited.getAttributesList())
        .containsExactly(kv("a", "1234"), kv("b", array(str("abcd"))));
    assertThat(limited.getDroppedAttributesCount()).isEqualTo(2);
    assertThat(limited.getBody().getStringValue()).isEqualTo("bodies are never cut");
  }

  @Test
  void cutNeverSplitsASurrogatePair() {
    LogRecord limited =
        limits
            .apply(logs(log("x", kv("emoji", "abc\uD83D\uDE00z"))))
            .getResourceLogs(0)
            .getScopeLogs(0)
            .getLogRecords(0);

    assertThat(limited.getAttributes(0).getValue().getStringValue()).isEqualTo("abc");
  }

  @Test
  void spanEventAndLinkAttributesAreLimitedToo() {
    Span span =
        Span.newBuilder()
            .addAttributes(kv("a", "1"))
            .addAttributes(kv("b", "2"))
            .addAttributes(kv("c", "3"))
            .addEvents(Span.Event.newBuilder().addAttributes(kv("e", "long value")))
            .addLinks(
                Span.Link.newBuilder()
                    .addAttributes(kv("x", "1"))
                    .addAttributes(kv("y", "2"))
                    .addAttributes(kv("z", "3")))
            .build();
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder().addScopeSpans(ScopeSpans.newBuilder().addSpans(span)))
            .build();

    Span limited = limits.apply(request).getResourceSpans(0).getScopeSpans(0).getSpans(0);

    assertThat(limited.getAttributesCount()).isEqualTo(2);
    assertThat(limited.getDroppedAttributesCount()).isEqualTo(1);
    assertThat(limited.getEvents(0).getAttributes(0)).isEqualTo(kv("e", "long"));
    assertThat(limited.getLinks(0).getAttributesCount()).isEqualTo(2);
    assertThat(limited.getLinks(0).getDroppedAttributesCount()).isEqualTo(1);
  }

  @Test
  void dataPointAttributesAreCutButNeverDropped() {
    NumberDataPoint point =
        NumberDataPoint.newBuilder()
            .addAttributes(kv("a", "1"))
            .addAttributes(kv("b", "2"))
            .addAttributes(kv("c", "very long"))
            .setAsInt(1)
            .build();
    ExportMetricsServiceRequest request =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .setResource(
                        io.opentelemetry.proto.resource.v1.Resource.newBuilder()
                            .addAttributes(kv("r1", "1"))
                            .addAttributes(kv("r2", "2"))
                            .addAttributes(kv("r3", "3")))
                    .addScopeMetrics(
                        ScopeMetrics.newBuilder()
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("m")
                                    .setGauge(Gauge.newBuilder().addDataPoints(point)))))
            .build();

    ResourceMetrics limited = limits.apply(request).getResourceMetrics(0);

    assertThat(limited.getResource().getAttributesCount()).isEqualTo(2);
    assertThat(limited.getResource().getDroppedAttributesCount()).isEqualTo(1);
    assertThat(
            limited
                .getScopeMetrics(0)
                .getMetrics(0)
                .getGauge()
                .getDataPoints(0)
                .getAttributesList())
        .containsExactly(kv("a", "1"), kv("b", "2"), kv("c", "very"));
  }

  @Test
  void invalidLimitsNameTheirKey() {
    assertThatThrownBy(
            () -> new IngestLimits(0L, 1L, 1, 1, 1, 1L, 1L, 1L, java.time.Duration.ofSeconds(1)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage("icegate.ingest.limits.max-request-bytes: must be positive, got 0");
    assertThatThrownBy(
            () -> new IngestLimits(1L, 1L, 1, 1, 33, 1L, 1L, 1L, java.time.Duration.ofSeconds(1)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageStartingWith(
            "icegate.ingest.limits.max-any-value-nesting: must be between 1 and 32, got 33");
  }
}
