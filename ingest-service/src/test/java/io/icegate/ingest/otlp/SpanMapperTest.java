package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpValues.SPAN_ID;
import static io.icegate.ingest.otlp.OtlpValues.TRACE_ID;
import static io.icegate.ingest.otlp.OtlpValues.id;
import static io.icegate.ingest.otlp.OtlpValues.integer;
import static io.icegate.ingest.otlp.OtlpValues.kv;
import static io.icegate.ingest.otlp.OtlpValues.utc;
import static io.icegate.ingest.otlp.OtlpValues.zeros;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

class SpanMapperTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-25T10:00:00.000000500Z");
  private static final SpanMapper MAPPER = new SpanMapper();

  @Test
  void mapsConformanceSpanFieldByField() {
    MappedRows rows =
        MAPPER.map(
            "acme", OtlpJson.decodeTraces(ConformanceFiles.otlpJson("trace.json")), RECEIVED);

    assertThat(rows.rejectedCount()).isZero();
    assertThat(rows.rows(SpanMapper.SPANS)).hasSize(1);
    Record row = rows.rows(SpanMapper.SPANS).get(0);
    LogRecordMapperTest.assertCommonConformanceColumns(row);
    assertThat(row.getField("timestamp")).isEqualTo(utc("2018-12-13T14:51:00Z"));
    assertThat(row.getField("timestamp_nanos")).isEqualTo(0);
    assertThat((byte[]) row.getField("trace_id")).isEqualTo(TRACE_ID);
    assertThat((byte[]) row.getField("span_id")).isEqualTo(SPAN_ID);
    assertThat((byte[]) row.getField("parent_span_id"))
        .isEqualTo(HexFormat.of().parseHex("eee19b7ec3c1b173"));
    assertThat(row.getField("name")).isEqualTo("I'm a server span");
    assertThat(row.getField("kind")).isEqualTo(2);
    assertThat(row.getField("end_timestamp")).isEqualTo(utc("2018-12-13T14:51:01Z"));
    assertThat(row.getField("duration_nanos")).isEqualTo(1_000_000_000L);
    assertThat(row.getField("attributes")).isEqualTo(Map.of("my.span.attr", "some value"));
    assertThat(row.getField("trace_state")).isNull();
    assertThat(row.getField("status_code")).isEqualTo(0);
    assertThat(row.getField("status_message")).isNull();
    assertThat(row.getField("flags")).isEqualTo(0);
    assertThat(row.getField("events")).isEqualTo(List.of());
    assertThat(row.getField("links")).isEqualTo(List.of());
    assertThat(row.getField("dropped_attributes_count")).isEqualTo(0);
    assertThat(row.getField("dropped_events_count")).isEqualTo(0);
    assertThat(row.getField("dropped_links_count")).isEqualTo(0);
  }

  @Test
  void mapsEventsLinksStatusAndExactDuration() {
    Span span =
        span()
            .setStartTimeUnixNano(1_000_000_001L)
            .setEndTimeUnixNano(3_000_000_004L)
            .setTraceState("k=v")
            .setFlags(0x301)
            .setStatus(
                Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("boom"))
            .addEvents(
                Span.Event.newBuilder()
                    .setTimeUnixNano(2_000_000_007L)
                    .setName("exception")
                    .addAttributes(kv("exception.type", "IOException"))
                    .setDroppedAttributesCount(2))
            .addLinks(
                Span.Link.newBuilder()
                    .setTraceId(id(TRACE_ID))
                    .setSpanId(id(SPAN_ID))
                    .setTraceState("a=b")
                    .addAttributes(kv("n", integer(1)))
                    .setFlags(1)
                    .setDroppedAttributesCount(3))
            .setDroppedAttributesCount(4)
            .setDroppedEventsCount(5)
            .setDroppedLinksCount(6)
            .build();
    Record row = mapOne(span);

    assertThat(row.getField("timestamp")).isEqualTo(utc("1970-01-01T00:00:01Z"));
    assertThat(row.getField("timestamp_nanos")).isEqualTo(1);
    assertThat(row.getField("end_timestamp")).isEqualTo(utc("1970-01-01T00:00:03.000000Z"));
    assertThat(row.getField("duration_nanos")).isEqualTo(2_000_000_003L);
    assertThat(row.getField("trace_state")).isEqualTo("k=v");
    assertThat(row.getField("flags")).isEqualTo(0x301);
    assertThat(row.getField("status_code")).isEqualTo(2);
    assertThat(row.getField("status_message")).isEqualTo("boom");
    assertThat(row.getField("dropped_attributes_count")).isEqualTo(4);
    assertThat(row.getField("dropped_events_count")).isEqualTo(5);
    assertThat(row.getField("dropped_links_count")).isEqualTo(6);

    @SuppressWarnings("unchecked")
    Record event = ((List<Record>) row.getField("events")).get(0);
    assertThat(event.getField("time_unix_nano")).isEqualTo(2_000_000_007L);
    assertThat(event.getField("name")).isEqualTo("exception");
    assertThat(event.getField("attributes")).isEqualTo(Map.of("exception.type", "IOException"));
    assertThat(event.getField("dropped_attributes_count")).isEqualTo(2);

    @SuppressWarnings("unchecked")
    Record link = ((List<Record>) row.getField("links")).get(0);
    assertThat((byte[]) link.getField("trace_id")).isEqualTo(TRACE_ID);
    assertThat((byte[]) link.getField("span_id")).isEqualTo(SPAN_ID);
    assertThat(link.getField("trace_state")).isEqualTo("a=b");
    assertThat(link.getField("attributes")).isEqualTo(Map.of("n", "1"));
    assertThat(link.getField("flags")).isEqualTo(1);
    assertThat(link.getField("dropped_attributes_count")).isEqualTo(3);
  }

  @Test
  void startZeroTakesTheReceiveTimeAndLeavesDurationUnknown() {
    Record row = mapOne(span().setEndTimeUnixNano(5).build());

    assertThat(row.getField("timestamp")).isEqualTo(utc("2026-11-25T10:00:00Z"));
    assertThat(row.getField("timestamp_nanos")).isEqualTo(500);
    assertThat(row.getField("duration_nanos")).isNull();
    assertThat(row.getField("end_timestamp")).isEqualTo(utc("1970-01-01T00:00:00Z"));
  }

  @Test
  void rejectsSpansWithMissingOrWrongIdsAndKeepsTheRest() {
    MappedRows rows =
        map(
            span().build(),
            span().setTraceId(ByteString.EMPTY).build(),
            span().setSpanId(zeros(16)).build(),
            span().setParentSpanId(zeros(7)).build(),
            span().addLinks(Span.Link.newBuilder().setTraceId(zeros(8))).build(),
            span().addLinks(Span.Link.newBuilder()).build());

    assertThat(rows.rejectedCount()).isEqualTo(4);
    assertThat(rows.firstRejection())
        .contains("Cannot store resource_spans[0].scope_spans[0].spans[1]: trace_id is empty");
    assertThat(rows.rows(SpanMapper.SPANS)).hasSize(2);
    @SuppressWarnings("unchecked")
    Record emptyLink = ((List<Record>) rows.rows(SpanMapper.SPANS).get(1).getField("links")).get(0);
    assertThat(emptyLink.getField("trace_id")).isNull();
    assertThat(emptyLink.getField("span_id")).isNull();
  }

  @Test
  void namesTheRejectedLinkField() {
    MappedRows rows = map(span().addLinks(Span.Link.newBuilder().setSpanId(zeros(3))).build());

    assertThat(rows.firstRejection())
        .contains(
            "Cannot store resource_spans[0].scope_spans[0].spans[0]: links[0].span_id has 3"
                + " bytes, expected 8");
  }

  private static Span.Builder span() {
    return Span.newBuilder().setTraceId(id(TRACE_ID)).setSpanId(id(SPAN_ID));
  }

  private static MappedRows map(Span... spans) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (Span span : spans) {
      scope.addSpans(span);
    }
    return MAPPER.map(
        "acme",
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(scope))
            .build(),
        RECEIVED);
  }

  private static Record mapOne(Span span) {
    MappedRows rows = map(span);
    assertThat(rows.rejectedCount()).isZero();
    return rows.rows(SpanMapper.SPANS).get(0);
  }
}
