package io.icegate.ingest.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RequestLimits} for metrics: resource and scope attributes as everywhere; data point and
 * exemplar attributes identify a series, so they are cut to length and checked for nesting but
 * never dropped (OTLP data points have no dropped count to report it in).
 */
final class MetricLimits {
  private final AttributeLimits limits;
  private final AttributeLimits points;

  MetricLimits(AttributeLimits limits) {
    this.limits = limits;
    this.points =
        new AttributeLimits(Integer.MAX_VALUE, limits.maxValueLength(), limits.maxNesting());
  }

  ExportMetricsServiceRequest apply(ExportMetricsServiceRequest request) {
    boolean change = false;
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      change |= RequestLimits.needsChange(limits, resource.getResource());
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        change |= RequestLimits.needsChange(limits, scope.getScope());
        for (Metric metric : scope.getMetricsList()) {
          for (List<KeyValue> attributes : pointAttributes(metric)) {
            change |= points.needsChange(attributes, "data point attribute");
          }
        }
      }
    }
    if (!change) {
      return request;
    }
    ExportMetricsServiceRequest.Builder builder = request.toBuilder();
    for (ResourceMetrics.Builder resource : builder.getResourceMetricsBuilderList()) {
      RequestLimits.apply(limits, resource.getResourceBuilder());
      for (ScopeMetrics.Builder scope : resource.getScopeMetricsBuilderList()) {
        RequestLimits.apply(limits, scope.getScopeBuilder());
        for (Metric.Builder metric : scope.getMetricsBuilderList()) {
          apply(metric);
        }
      }
    }
    return builder.build();
  }

  private static List<List<KeyValue>> pointAttributes(Metric metric) {
    List<List<KeyValue>> lists = new ArrayList<>();
    switch (metric.getDataCase()) {
      case GAUGE -> metric.getGauge().getDataPointsList().forEach(p -> number(p, lists));
      case SUM -> metric.getSum().getDataPointsList().forEach(p -> number(p, lists));
      case HISTOGRAM ->
          metric
              .getHistogram()
              .getDataPointsList()
              .forEach(
                  p -> {
                    lists.add(p.getAttributesList());
                    p.getExemplarsList().forEach(e -> lists.add(e.getFilteredAttributesList()));
                  });
      case EXPONENTIAL_HISTOGRAM ->
          metric
              .getExponentialHistogram()
              .getDataPointsList()
              .forEach(
                  p -> {
                    lists.add(p.getAttributesList());
                    p.getExemplarsList().forEach(e -> lists.add(e.getFilteredAttributesList()));
                  });
      case SUMMARY ->
          metric.getSummary().getDataPointsList().forEach(p -> lists.add(p.getAttributesList()));
      default -> {}
    }
    return lists;
  }

  private static void number(NumberDataPoint point, List<List<KeyValue>> lists) {
    lists.add(point.getAttributesList());
    point.getExemplarsList().forEach(e -> lists.add(e.getFilteredAttributesList()));
  }

  private void apply(Metric.Builder metric) {
    switch (metric.getDataCase()) {
      case GAUGE -> metric.getGaugeBuilder().getDataPointsBuilderList().forEach(this::apply);
      case SUM -> metric.getSumBuilder().getDataPointsBuilderList().forEach(this::apply);
      case HISTOGRAM ->
          metric.getHistogramBuilder().getDataPointsBuilderList().forEach(this::apply);
      case EXPONENTIAL_HISTOGRAM ->
          metric.getExponentialHistogramBuilder().getDataPointsBuilderList().forEach(this::apply);
      case SUMMARY -> metric.getSummaryBuilder().getDataPointsBuilderList().forEach(this::apply);
      default -> {}
    }
  }

  private void apply(NumberDataPoint.Builder point) {
    List<KeyValue> attributes = cut(point.getAttributesList());
    point.clearAttributes().addAllAttributes(attributes);
    point.getExemplarsBuilderList().forEach(this::apply);
  }

  private void apply(HistogramDataPoint.Builder point) {
    List<KeyValue> attributes = cut(point.getAttributesList());
    point.clearAttributes().addAllAttributes(attributes);
    point.getExemplarsBuilderList().forEach(this::apply);
  }

  private void apply(ExponentialHistogramDataPoint.Builder point) {
    List<KeyValue> attributes = cut(point.getAttributesList());
    point.clearAttributes().addAllAttributes(attributes);
    point.getExemplarsBuilderList().forEach(this::apply);
  }

  private void apply(SummaryDataPoint.Builder point) {
    List<KeyValue> attributes = cut(point.getAttributesList());
    point.clearAttributes().addAllAttributes(attributes);
  }

  private void apply(Exemplar.Builder exemplar) {
    List<KeyValue> attributes = cut(exemplar.getFilteredAttributesList());
    exemplar.clearFilteredAttributes().addAllFilteredAttributes(attributes);
  }

  private List<KeyValue> cut(List<KeyValue> attributes) {
    return points.apply(List.copyOf(attributes)).attributes();
  }
}
