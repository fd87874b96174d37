package io.icegate.ingest.otlp;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.schema.LakeTables;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.apache.iceberg.data.Record;

/**
 * Maps an OTLP metrics request to rows of {@code metrics}, one per data point of every metric type
 * (gauge, sum, histogram, exponential histogram, summary), stored as received with their
 * temporality. A point that cannot be stored is rejected alone (counted like OTLP's {@code
 * rejected_data_points}); the rest is kept. A metric without data has no point and no row.
 */
public final class MetricPointMapper {
  public static final String METRICS = LakeTables.metrics().identifier().name();

  private static final Record TEMPLATE = SharedColumns.template(LakeTables.metrics().schema());

  /**
   * @param receivedAt the time the request arrived, used when a point has no time
   */
  public MappedRows map(String tenantId, ExportMetricsServiceRequest request, Instant receivedAt) {
    requireNonNull(tenantId, "tenantId is null");
    requireNonNull(request, "request is null");
    requireNonNull(receivedAt, "receivedAt is null");
    MappedRows.Builder rows = MappedRows.builder();
    for (int r = 0; r < request.getResourceMetricsCount(); r++) {
      ResourceMetrics resourceMetrics = request.getResourceMetrics(r);
      ResourceColumns resource;
      try {
        resource = ResourceColumns.of(resourceMetrics.getResource());
      } catch (RecordRejectedException e) {
        long count = 0;
        for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
          count += pointCount(scopeMetrics.getMetricsList());
        }
        rows.reject(count, e.reasonAt("resource_metrics[%d]", r));
        continue;
      }
      for (int s = 0; s < resourceMetrics.getScopeMetricsCount(); s++) {
        ScopeMetrics scopeMetrics = resourceMetrics.getScopeMetrics(s);
        ScopeColumns scope;
        try {
          scope = ScopeColumns.of(scopeMetrics.getScope());
        } catch (RecordRejectedException e) {
          rows.reject(
              pointCount(scopeMetrics.getMetricsList()),
              e.reasonAt("resource_metrics[%d].scope_metrics[%d]", r, s));
          continue;
        }
        for (int m = 0; m < scopeMetrics.getMetricsCount(); m++) {
          String at = String.format("resource_metrics[%d].scope_metrics[%d].metrics[%d]", r, s, m);
          new PointRows(tenantId, resource, scope, scopeMetrics.getMetrics(m), receivedAt, at)
              .addTo(rows);
        }
      }
    }
    return rows.build();
  }

  private static long pointCount(List<Metric> metrics) {
    long count = 0;
    for (Metric metric : metrics) {
      count +=
          switch (metric.getDataCase()) {
            case GAUGE -> metric.getGauge().getDataPointsCount();
            case SUM -> metric.getSum().getDataPointsCount();
            case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
            case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
            case SUMMARY -> metric.getSummary().getDataPointsCount();
            case DATA_NOT_SET -> 0;
          };
    }
    return count;
  }

  /** The rows of one metric's data points. */
  private record PointRows(
      String tenantId,
      ResourceColumns resource,
      ScopeColumns scope,
      Metric metric,
      Instant receivedAt,
      String location) {

    void addTo(MappedRows.Builder rows) {
      if (metric.getName().isEmpty()) {
        rows.reject(
            pointCount(List.of(metric)),
            new RecordRejectedException("metric name is empty").reasonAt("%s", location));
        return;
      }
      switch (metric.getDataCase()) {
        case GAUGE ->
            each(
                rows,
                metric.getGauge().getDataPointsList(),
                p -> {
                  Record row =
                      start(
                          "gauge",
                          p.getAttributesList(),
                          p.getStartTimeUnixNano(),
                          p.getTimeUnixNano(),
                          p.getFlags());
                  DataPointColumns.number(row, p);
                  return row;
                });
        case SUM ->
            each(
                rows,
                metric.getSum().getDataPointsList(),
                p -> {
                  Record row =
                      start(
                          "sum",
                          p.getAttributesList(),
                          p.getStartTimeUnixNano(),
                          p.getTimeUnixNano(),
                          p.getFlags());
                  row.setField(
                      "aggregation_temporality", metric.getSum().getAggregationTemporalityValue());
                  row.setField("is_monotonic", metric.getSum().getIsMonotonic());
                  DataPointColumns.number(row, p);
                  return row;
                });
        case HISTOGRAM ->
            each(
                rows,
                metric.getHistogram().getDataPointsList(),
                p -> {
                  Record row =
                      start(
                          "histogram",
                          p.getAttributesList(),
                          p.getStartTimeUnixNano(),
                          p.getTimeUnixNano(),
                          p.getFlags());
                  row.setField(
                      "aggregation_temporality",
                      metric.getHistogram().getAggregationTemporalityValue());
                  DataPointColumns.histogram(row, p);
                  return row;
                });
        case EXPONENTIAL_HISTOGRAM ->
            each(
                rows,
                metric.getExponentialHistogram().getDataPointsList(),
                p -> {
                  Record row =
                      start(
                          "exponential_histogram",
                          p.getAttributesList(),
                          p.getStartTimeUnixNano(),
                          p.getTimeUnixNano(),
                          p.getFlags());
                  row.setField(
                      "aggregation_temporality",
                      metric.getExponentialHistogram().getAggregationTemporalityValue());
                  DataPointColumns.exponentialHistogram(row, p);
                  return row;
                });
        case SUMMARY ->
            each(
                rows,
                metric.getSummary().getDataPointsList(),
                p -> {
                  Record row =
                      start(
                          "summary",
                          p.getAttributesList(),
                          p.getStartTimeUnixNano(),
                          p.getTimeUnixNano(),
                          p.getFlags());
                  DataPointColumns.summary(row, p);
                  return row;
                });
        case DATA_NOT_SET -> {
          // No data points, so nothing to store or reject.
        }
      }
    }

    private <P> void each(MappedRows.Builder rows, List<P> points, Function<P, Record> toRow) {
      for (int i = 0; i < points.size(); i++) {
        try {
          rows.add(METRICS, toRow.apply(points.get(i)));
        } catch (RecordRejectedException e) {
          rows.reject(1, e.reasonAt("%s.data_points[%d]", location, i));
        }
      }
    }

    private Record start(
        String type, List<KeyValue> attributes, long startTime, long time, int flags) {
      Record row = SharedColumns.start(TEMPLATE, tenantId, resource, scope);
      SharedColumns.setTime(row, time, receivedAt, "time_unix_nano");
      row.setField("attributes", AnyValueJson.attributes(attributes, "attribute"));
      row.setField("metric_name", metric.getName());
      row.setField("metric_type", type);
      row.setField("description", SharedColumns.text(metric.getDescription()));
      row.setField("unit", SharedColumns.text(metric.getUnit()));
      row.setField("start_timestamp", UnixNanos.microsOrNull(startTime, "start_time_unix_nano"));
      row.setField("flags", flags);
      row.setField("service_instance_id", resource.serviceInstanceId().orElse(null));
      return row;
    }
  }
}
