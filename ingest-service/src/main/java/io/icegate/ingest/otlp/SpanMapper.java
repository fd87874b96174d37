package io.icegate.ingest.otlp;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.schema.LakeTables;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/**
 * Maps an OTLP traces request to rows of {@code spans}, one per span, with its events and links as
 * lists of structs. A span that cannot be stored (missing or wrong-length ids, attributes nested
 * too deeply) is rejected alone; the rest is kept.
 */
public final class SpanMapper {
  public static final String SPANS = LakeTables.spans().identifier().name();

  private static final Schema SCHEMA = LakeTables.spans().schema();
  private static final Record SPAN_TEMPLATE = SharedColumns.template(SCHEMA);
  private static final Record EVENT_TEMPLATE = GenericRecord.create(elementStruct("events"));
  private static final Record LINK_TEMPLATE = GenericRecord.create(elementStruct("links"));

  /**
   * @param receivedAt the time the request arrived, used when a span has no start time
   */
  public MappedRows map(String tenantId, ExportTraceServiceRequest request, Instant receivedAt) {
    requireNonNull(tenantId, "tenantId is null");
    requireNonNull(request, "request is null");
    requireNonNull(receivedAt, "receivedAt is null");
    MappedRows.Builder rows = MappedRows.builder();
    for (int r = 0; r < request.getResourceSpansCount(); r++) {
      ResourceSpans resourceSpans = request.getResourceSpans(r);
      ResourceColumns resource;
      try {
        resource = ResourceColumns.of(resourceSpans.getResource());
      } catch (RecordRejectedException e) {
        rows.reject(spanCount(resourceSpans), e.reasonAt("resource_spans[%d]", r));
        continue;
      }
      for (int s = 0; s < resourceSpans.getScopeSpansCount(); s++) {
        ScopeSpans scopeSpans = resourceSpans.getScopeSpans(s);
        ScopeColumns scope;
        try {
          scope = ScopeColumns.of(scopeSpans.getScope());
        } catch (RecordRejectedException e) {
          rows.reject(
              scopeSpans.getSpansCount(), e.reasonAt("resource_spans[%d].scope_spans[%d]", r, s));
          continue;
        }
        for (int i = 0; i < scopeSpans.getSpansCount(); i++) {
          try {
            rows.add(SPANS, map(tenantId, resource, scope, scopeSpans.getSpans(i), receivedAt));
          } catch (RecordRejectedException e) {
            rows.reject(1, e.reasonAt("resource_spans[%d].scope_spans[%d].spans[%d]", r, s, i));
          }
        }
      }
    }
    return rows.build();
  }

  private static Record map(
      String tenantId,
      ResourceColumns resource,
      ScopeColumns scope,
      Span span,
      Instant receivedAt) {
    Record row = SharedColumns.start(SPAN_TEMPLATE, tenantId, resource, scope);
    long start = span.getStartTimeUnixNano();
    long end = span.getEndTimeUnixNano();
    SharedColumns.setTime(row, start, receivedAt, "start_time_unix_nano");
    row.setField("attributes", AnyValueJson.attributes(span.getAttributesList(), "attribute"));
    row.setField(
        "trace_id", IdBytes.required(span.getTraceId(), IdBytes.TRACE_ID_LENGTH, "trace_id"));
    row.setField("span_id", IdBytes.required(span.getSpanId(), IdBytes.SPAN_ID_LENGTH, "span_id"));
    row.setField(
        "parent_span_id",
        IdBytes.optional(span.getParentSpanId(), IdBytes.SPAN_ID_LENGTH, "parent_span_id"));
    row.setField("trace_state", SharedColumns.text(span.getTraceState()));
    row.setField("name", SharedColumns.text(span.getName()));
    row.setField("kind", span.getKindValue());
    row.setField("end_timestamp", UnixNanos.microsOrNull(end, "end_time_unix_nano"));
    // Exact, unlike end_timestamp - timestamp; unknown when either end is unknown.
    row.setField("duration_nanos", start != 0 && end != 0 ? end - start : null);
    row.setField("status_code", span.getStatus().getCodeValue());
    row.setField("status_message", SharedColumns.text(span.getStatus().getMessage()));
    row.setField("flags", span.getFlags());
    row.setField("events", events(span.getEventsList()));
    row.setField("links", links(span.getLinksList()));
    row.setField("dropped_attributes_count", span.getDroppedAttributesCount());
    row.setField("dropped_events_count", span.getDroppedEventsCount());
    row.setField("dropped_links_count", span.getDroppedLinksCount());
    return row;
  }

  private static List<Record> events(List<Span.Event> events) {
    List<Record> structs = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      Span.Event event = events.get(i);
      Record struct = EVENT_TEMPLATE.copy();
      struct.setField("time_unix_nano", event.getTimeUnixNano());
      struct.setField("name", SharedColumns.text(event.getName()));
      struct.setField(
          "attributes",
          AnyValueJson.attributes(event.getAttributesList(), "events[" + i + "] attribute"));
      struct.setField("dropped_attributes_count", event.getDroppedAttributesCount());
      structs.add(struct);
    }
    return structs;
  }

  private static List<Record> links(List<Span.Link> links) {
    List<Record> structs = new ArrayList<>(links.size());
    for (int i = 0; i < links.size(); i++) {
      Span.Link link = links.get(i);
      String at = "links[" + i + "].";
      Record struct = LINK_TEMPLATE.copy();
      struct.setField(
          "trace_id",
          IdBytes.optional(link.getTraceId(), IdBytes.TRACE_ID_LENGTH, at + "trace_id"));
      struct.setField(
          "span_id", IdBytes.optional(link.getSpanId(), IdBytes.SPAN_ID_LENGTH, at + "span_id"));
      struct.setField("trace_state", SharedColumns.text(link.getTraceState()));
      struct.setField(
          "attributes", AnyValueJson.attributes(link.getAttributesList(), at + "attribute"));
      struct.setField("flags", link.getFlags());
      struct.setField("dropped_attributes_count", link.getDroppedAttributesCount());
      structs.add(struct);
    }
    return structs;
  }

  private static long spanCount(ResourceSpans resourceSpans) {
    long count = 0;
    for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
      count += scopeSpans.getSpansCount();
    }
    return count;
  }

  private static Types.StructType elementStruct(String listColumn) {
    return SCHEMA.findField(listColumn).type().asListType().elementType().asStructType();
  }
}
