package io.icegate.ingest.otlp;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;

/**
 * Applies {@link IngestLimits}' attribute limits to a decoded request before it is mapped: a read
 * pass checks nesting (deeper fails the request) and looks for anything to cut; only a request that
 * needs it is rebuilt. Dropped attributes are added to the OTLP {@code dropped_attributes_count} of
 * their record, resource or scope. Metric data point attributes are the identity of a series, so
 * they are never dropped, only cut to length (see {@link MetricLimits}).
 */
final class RequestLimits {
  private final AttributeLimits limits;
  private final MetricLimits metrics;

  RequestLimits(IngestLimits config) {
    this.limits =
        new AttributeLimits(
            config.maxAttributesPerRecord(),
            config.maxAttributeValueLength(),
            config.maxAnyValueNesting());
    this.metrics = new MetricLimits(limits);
  }

  ExportLogsServiceRequest apply(ExportLogsServiceRequest request) {
    boolean change = false;
    for (ResourceLogs resource : request.getResourceLogsList()) {
      change |= needsChange(resource.getResource());
      for (ScopeLogs scope : resource.getScopeLogsList()) {
        change |= needsChange(scope.getScope());
        for (LogRecord log : scope.getLogRecordsList()) {
          change |= limits.needsChange(log.getAttributesList(), "log record attribute");
          limits.checkNesting(log.getBody(), "log record");
        }
      }
    }
    if (!change) {
      return request;
    }
    ExportLogsServiceRequest.Builder builder = request.toBuilder();
    for (ResourceLogs.Builder resource : builder.getResourceLogsBuilderList()) {
      apply(resource.getResourceBuilder());
      for (ScopeLogs.Builder scope : resource.getScopeLogsBuilderList()) {
        apply(scope.getScopeBuilder());
        for (LogRecord.Builder log : scope.getLogRecordsBuilderList()) {
          List<KeyValue> attributes = log.getAttributesList();
          if (limits.needsChange(attributes, "log record attribute")) {
            AttributeLimits.Limited limited = limits.apply(attributes);
            log.clearAttributes()
                .addAllAttributes(limited.attributes())
                .setDroppedAttributesCount(log.getDroppedAttributesCount() + limited.dropped());
          }
        }
      }
    }
    return builder.build();
  }

  ExportTraceServiceRequest apply(ExportTraceServiceRequest request) {
    boolean change = false;
    for (ResourceSpans resource : request.getResourceSpansList()) {
      change |= needsChange(resource.getResource());
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        change |= needsChange(scope.getScope());
        for (Span span : scope.getSpansList()) {
          change |= limits.needsChange(span.getAttributesList(), "span attribute");
          for (Span.Event event : span.getEventsList()) {
            change |= limits.needsChange(event.getAttributesList(), "span event attribute");
          }
          for (Span.Link link : span.getLinksList()) {
            change |= limits.needsChange(link.getAttributesList(), "span link attribute");
          }
        }
      }
    }
    if (!change) {
      return request;
    }
    ExportTraceServiceRequest.Builder builder = request.toBuilder();
    for (ResourceSpans.Builder resource : builder.getResourceSpansBuilderList()) {
      apply(resource.getResourceBuilder());
      for (ScopeSpans.Builder scope : resource.getScopeSpansBuilderList()) {
        apply(scope.getScopeBuilder());
        for (Span.Builder span : scope.getSpansBuilderList()) {
          apply(span);
        }
      }
    }
    return builder.build();
  }

  ExportMetricsServiceRequest apply(ExportMetricsServiceRequest request) {
    return metrics.apply(request);
  }

  private void apply(Span.Builder span) {
    if (limits.needsChange(span.getAttributesList(), "span attribute")) {
      AttributeLimits.Limited limited = limits.apply(span.getAttributesList());
      span.clearAttributes()
          .addAllAttributes(limited.attributes())
          .setDroppedAttributesCount(span.getDroppedAttributesCount() + limited.dropped());
    }
    for (Span.Event.Builder event : span.getEventsBuilderList()) {
      if (limits.needsChange(event.getAttributesList(), "span event attribute")) {
        AttributeLimits.Limited limited = limits.apply(event.getAttributesList());
        event
            .clearAttributes()
            .addAllAttributes(limited.attributes())
            .setDroppedAttributesCount(event.getDroppedAttributesCount() + limited.dropped());
      }
    }
    for (Span.Link.Builder link : span.getLinksBuilderList()) {
      if (limits.needsChange(link.getAttributesList(), "span link attribute")) {
        AttributeLimits.Limited limited = limits.apply(link.getAttributesList());
        link.clearAttributes()
            .addAllAttributes(limited.attributes())
            .setDroppedAttributesCount(link.getDroppedAttributesCount() + limited.dropped());
      }
    }
  }

  private boolean needsChange(Resource resource) {
    return needsChange(limits, resource);
  }

  private boolean needsChange(InstrumentationScope scope) {
    return needsChange(limits, scope);
  }

  private void apply(Resource.Builder resource) {
    apply(limits, resource);
  }

  private void apply(InstrumentationScope.Builder scope) {
    apply(limits, scope);
  }

  static boolean needsChange(AttributeLimits limits, Resource resource) {
    return limits.needsChange(resource.getAttributesList(), "resource attribute");
  }

  static boolean needsChange(AttributeLimits limits, InstrumentationScope scope) {
    return limits.needsChange(scope.getAttributesList(), "scope attribute");
  }

  static void apply(AttributeLimits limits, Resource.Builder resource) {
    if (limits.needsChange(resource.getAttributesList(), "resource attribute")) {
      AttributeLimits.Limited limited = limits.apply(resource.getAttributesList());
      resource
          .clearAttributes()
          .addAllAttributes(limited.attributes())
          .setDroppedAttributesCount(resource.getDroppedAttributesCount() + limited.dropped());
    }
  }

  static void apply(AttributeLimits limits, InstrumentationScope.Builder scope) {
    if (limits.needsChange(scope.getAttributesList(), "scope attribute")) {
      AttributeLimits.Limited limited = limits.apply(scope.getAttributesList());
      scope
          .clearAttributes()
          .addAllAttributes(limited.attributes())
          .setDroppedAttributesCount(scope.getDroppedAttributesCount() + limited.dropped());
    }
  }
}
