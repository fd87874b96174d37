package io.icegate.ingest.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtlpJsonTest {
  private static final ByteString TRACE_ID = hex("5B8EFFF798038103D269B633813FC60C");
  private static final ByteString SPAN_ID = hex("EEE19B7EC3C1B174");

  @Test
  void decodesConformanceLogs() {
    ExportLogsServiceRequest request = OtlpJson.decodeLogs(ConformanceFiles.otlpJson("logs.json"));

    LogRecord log = request.getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
    assertThat(log.getTimeUnixNano()).isEqualTo(1544712660300000000L);
    assertThat(log.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_INFO2);
    assertThat(log.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(log.getSpanId()).isEqualTo(SPAN_ID);
    assertThat(log.getAttributesCount()).isEqualTo(6);
    assertThat(request.getResourceLogs(0).getScopeLogs(0).getScope().getName())
        .isEqualTo("my.library");
  }

  @Test
  void decodesConformanceEvents() {
    ExportLogsServiceRequest request =
        OtlpJson.decodeLogs(ConformanceFiles.otlpJson("events.json"));

    LogRecord log = request.getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
    assertThat(log.getEventName()).isEqualTo("browser.page_view");
    assertThat(log.getBody().getKvlistValue().getValuesCount()).isEqualTo(4);
    assertThat(log.getTraceId()).isEmpty();
  }

  @Test
  void decodesConformanceTrace() {
    ExportTraceServiceRequest request =
        OtlpJson.decodeTraces(ConformanceFiles.otlpJson("trace.json"));

    Span span = request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(span.getSpanId()).isEqualTo(SPAN_ID);
    assertThat(span.getParentSpanId()).isEqualTo(hex("EEE19B7EC3C1B173"));
    assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_SERVER);
    assertThat(span.getEndTimeUnixNano()).isEqualTo(1544712661000000000L);
  }

  @Test
  void decodesConformanceMetrics() {
    ExportMetricsServiceRequest request =
        OtlpJson.decodeMetrics(ConformanceFiles.otlpJson("metrics.json"));

    var metrics = request.getResourceMetrics(0).getScopeMetrics(0).getMetricsList();
    assertThat(metrics)
        .extracting(m -> m.getDataCase().name())
        .containsExactly("SUM", "GAUGE", "HISTOGRAM", "EXPONENTIAL_HISTOGRAM");
    assertThat(metrics.get(0).getSum().getAggregationTemporality())
        .isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA);
    assertThat(metrics.get(2).getHistogram().getDataPoints(0).getBucketCountsList())
        .containsExactly(1L, 1L);
    assertThat(metrics.get(3).getExponentialHistogram().getDataPoints(0).getPositive().getOffset())
        .isEqualTo(1);
  }

  @Test
  void decodesHexIdsOfSpansLinksAndExemplars() {
    Span span =
        decodeSpan(
            """
            {"traceId": "0102030405060708090a0b0c0d0e0f10", "spanId": "A1A2A3A4A5A6A7A8",
             "links": [{"traceId": "1112131415161718191a1b1c1d1e1f20", "spanId": "b1b2b3b4b5b6b7b8"}]}
            """);
    assertThat(span.getTraceId()).isEqualTo(hex("0102030405060708090a0b0c0d0e0f10"));
    assertThat(span.getSpanId()).isEqualTo(hex("A1A2A3A4A5A6A7A8"));
    assertThat(span.getLinks(0).getTraceId()).isEqualTo(hex("1112131415161718191a1b1c1d1e1f20"));
    assertThat(span.getLinks(0).getSpanId()).isEqualTo(hex("b1b2b3b4b5b6b7b8"));

    ExportMetricsServiceRequest metrics =
        OtlpJson.decodeMetrics(
            json(
                """
                {"resourceMetrics": [{"scopeMetrics": [{"metrics": [{"name": "m",
                 "exponentialHistogram": {"dataPoints": [{"exemplars": [
                   {"traceId": "0102030405060708090a0b0c0d0e0f10", "spanId": "A1A2A3A4A5A6A7A8"}]}]}}]}]}]}
                """));
    Exemplar exemplar =
        metrics
            .getResourceMetrics(0)
            .getScopeMetrics(0)
            .getMetrics(0)
            .getExponentialHistogram()
            .getDataPoints(0)
            .getExemplars(0);
    assertThat(exemplar.getTraceId()).isEqualTo(hex("0102030405060708090a0b0c0d0e0f10"));
    assertThat(exemplar.getSpanId()).isEqualTo(hex("A1A2A3A4A5A6A7A8"));
  }

  @Test
  void rejectsBase64IdsNamingThePath() {
    // Base64 of 16 bytes: what stock protobuf JSON would expect, but not OTLP/JSON.
    assertThatThrownBy(() -> decodeSpan("{\"traceId\": \"AQIDBAUGBwgJCgsMDQ4PEA==\"}"))
        .isInstanceOf(OtlpDecodeException.class)
        .hasMessage(
            "Cannot decode OTLP/JSON traces request: resourceSpans[0].scopeSpans[0].spans[0].traceId"
                + " is not hex (OTLP/JSON encodes trace and span ids in hex, not base64):"
                + " \"AQIDBAUGBwgJCgsMDQ4PEA==\"");
  }

  @Test
  void rejectsNonHexLinkAndExemplarIds() {
    assertThatThrownBy(() -> decodeSpan("{\"links\": [{}, {\"spanId\": \"zz\"}]}"))
        .isInstanceOf(OtlpDecodeException.class)
        .hasMessageContaining("resourceSpans[0].scopeSpans[0].spans[0].links[1].spanId is not hex");
    assertThatThrownBy(
            () ->
                OtlpJson.decodeMetrics(
                    json(
                        """
                        {"resource_metrics": [{"scope_metrics": [{"metrics": [{"sum":
                         {"data_points": [{"exemplars": [{"trace_id": 7}]}]}}]}]}]}
                        """)))
        .isInstanceOf(OtlpDecodeException.class)
        .hasMessage(
            "Cannot decode OTLP/JSON metrics request: resource_metrics[0].scope_metrics[0]"
                + ".metrics[0].sum.data_points[0].exemplars[0].trace_id must be a hex string, not"
                + " NUMBER");
  }

  @Test
  void keepsIdsOfValidHexButWrongLengthForTheMapperToReject() {
    assertThat(decodeSpan("{\"spanId\": \"0102\"}").getSpanId()).isEqualTo(hex("0102"));
  }

  @Test
  void acceptsSnakeCaseNamesAndEnumsByName() {
    Span span =
        decodeSpan(
            """
            {"trace_id": "0102030405060708090a0b0c0d0e0f10", "parent_span_id": "A1A2A3A4A5A6A7A8",
             "kind": "SPAN_KIND_CLIENT", "start_time_unix_nano": 1544712660000000000,
             "status": {"code": "STATUS_CODE_ERROR", "message": "boom"}}
            """);
    assertThat(span.getTraceId()).isEqualTo(hex("0102030405060708090a0b0c0d0e0f10"));
    assertThat(span.getParentSpanId()).isEqualTo(hex("A1A2A3A4A5A6A7A8"));
    assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_CLIENT);
    assertThat(span.getStartTimeUnixNano()).isEqualTo(1544712660000000000L);
    assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_ERROR);
  }

  @Test
  void acceptsEnumsByNumberAndInt64AsStringOrNumber() {
    Span span =
        decodeSpan(
            """
            {"kind": 4, "status": {"code": 1}, "startTimeUnixNano": "18446744073709551615",
             "endTimeUnixNano": 1544712661000000001}
            """);
    assertThat(span.getKind()).isEqualTo(Span.SpanKind.SPAN_KIND_PRODUCER);
    assertThat(span.getStatus().getCode()).isEqualTo(Status.StatusCode.STATUS_CODE_OK);
    assertThat(span.getStartTimeUnixNano()).isEqualTo(-1L); // fixed64 max, unsigned
    assertThat(span.getEndTimeUnixNano()).isEqualTo(1544712661000000001L);
  }

  @Test
  void ignoresUnknownFieldsAtEveryLevel() {
    ExportLogsServiceRequest request =
        OtlpJson.decodeLogs(
            json(
                """
                {"futureField": {"a": [1, 2]}, "resourceLogs": [{"entityRefs2": 1, "scopeLogs":
                 [{"logRecords": [{"severityNumber": "SEVERITY_NUMBER_WARN", "newThing": "x",
                   "body": {"stringValue": "hi"}}]}]}]}
                """));
    LogRecord log = request.getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
    assertThat(log.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_WARN);
    assertThat(log.getBody().getStringValue()).isEqualTo("hi");
  }

  @Test
  void rejectsInvalidJsonWithLineAndColumn() {
    assertThatThrownBy(() -> OtlpJson.decodeLogs(json("{\"resourceLogs\": [\n  {,]}")))
        .isInstanceOf(OtlpDecodeException.class)
        .hasMessage(
            "Cannot decode OTLP/JSON logs request: invalid JSON at line 2, column 4: Unexpected"
                + " character (',' (code 44)): was expecting double-quote to start field name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void rejectsEmptyBody(String body) {
    assertThatThrownBy(() -> OtlpJson.decodeLogs(json(body)))
        .isInstanceOf(OtlpDecodeException.class)
        .hasMessage("Cannot decode OTLP/JSON logs request: the body is empty");
  }

  @Test
  void rejectsBodyThatIsNotAnObject() {
    assertThatThrownBy(() -> OtlpJson.decodeTraces(json("[1]")))
        .isInstanceOf(OtlpDecodeException.class)
        .hasMessage(
            "Cannot decode OTLP/JSON traces request: the body must be a JSON object, not array");
  }

  @Test
  void rejectsFieldsOfTheWrongType() {
    assertThatThrownBy(() -> decodeSpan("{\"startTimeUnixNano\": \"soon\"}"))
        .isInstanceOf(OtlpDecodeException.class)
        .hasMessage("Cannot decode OTLP/JSON traces request: Not an uint64 value: \"soon\"");
  }

  @Test
  void rejectsDuplicateKeys() {
    assertThatThrownBy(
            () -> OtlpJson.decodeLogs(json("{\"resourceLogs\": [], \"resourceLogs\": []}")))
        .isInstanceOf(OtlpDecodeException.class)
        .hasMessageContaining("Duplicate field 'resourceLogs'");
  }

  @Test
  void rejectsBodiesNestedPastTheProtobufRecursionLimit() {
    String body = "{\"arrayValue\": {\"values\": [".repeat(60) + "]}}".repeat(60);
    String log =
        "{\"resourceLogs\": [{\"scopeLogs\": [{\"logRecords\": [{\"body\": " + body + "}]}]}]}";

    assertThatThrownBy(() -> OtlpJson.decodeLogs(json(log)))
        .isInstanceOf(OtlpDecodeException.class)
        .hasMessage(
            "Cannot decode OTLP/JSON logs request: AnyValue arrays or kvlists are nested deeper"
                + " than the limit (icegate.ingest.limits.max-any-value-nesting, at most 32 levels)");
  }

  @Test
  void rejectsInvalidUtf8() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'};

    assertThatThrownBy(() -> OtlpJson.decodeLogs(body))
        .isInstanceOf(OtlpDecodeException.class)
        .hasMessage(
            "Cannot decode OTLP/JSON logs request: invalid JSON at line 1, column 9: Invalid UTF-8"
                + " middle byte 0x28");
  }

  private static Span decodeSpan(String span) {
    String body = "{\"resourceSpans\": [{\"scopeSpans\": [{\"spans\": [" + span + "]}]}]}";
    return OtlpJson.decodeTraces(json(body)).getResourceSpans(0).getScopeSpans(0).getSpans(0);
  }

  private static byte[] json(String text) {
    return text.getBytes(UTF_8);
  }

  private static ByteString hex(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }
}
