package io.icegate.ingest.otlp;

import static io.icegate.ingest.otlp.OtlpValues.SPAN_ID;
import static io.icegate.ingest.otlp.OtlpValues.TRACE_ID;
import static io.icegate.ingest.otlp.OtlpValues.id;
import static io.icegate.ingest.otlp.OtlpValues.kv;
import static io.icegate.ingest.otlp.OtlpValues.utc;
import static io.icegate.ingest.otlp.OtlpValues.zeros;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.resource.v1.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

class MetricPointMapperTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-25T10:00:00Z");
  private static final MetricPointMapper MAPPER = new MetricPointMapper();
  private static final long T = 1544712660300000000L;

  @Test
  void mapsConformanceMetricsOneRowPerPoint() {
    MappedRows rows =
        MAPPER.map(
            "acme", OtlpJson.decodeMetrics(ConformanceFiles.otlpJson("metrics.json")), RECEIVED);

    assertThat(rows.rejectedCount()).isZero();
    List<Record> points = rows.rows(MetricPointMapper.METRICS);
    assertThat(points)
        .extracting(r -> r.getField("metric_type"))
        .containsExactly("sum", "gauge", "histogram", "exponential_histogram");
    for (Record row : points) {
      LogRecordMapperTest.assertCommonConformanceColumns(row);
      assertThat(row.getField("timestamp")).isEqualTo(utc("2018-12-13T14:51:00.300Z"));
      assertThat(row.getField("timestamp_nanos")).isEqualTo(0);
      assertThat(row.getField("unit")).isEqualTo("1");
      assertThat(row.getField("flags")).isEqualTo(0);
      assertThat(row.getField("service_instance_id")).isNull();
    }

    Record sum = points.get(0);
    assertThat(sum.getField("metric_name")).isEqualTo("my.counter");
    assertThat(sum.getField("description")).isEqualTo("I am a Counter");
    assertThat(sum.getField("aggregation_temporality")).isEqualTo(1);
    assertThat(sum.getField("is_monotonic")).isEqualTo(true);
    assertThat(sum.getField("start_timestamp")).isEqualTo(utc("2018-12-13T14:51:00.300Z"));
    assertThat(sum.getField("value_double")).isEqualTo(5.0);
    assertThat(sum.getField("value_int")).isNull();
    assertThat(sum.getField("attributes")).isEqualTo(Map.of("my.counter.attr", "some value"));
    assertThat(sum.getField("exemplars")).isEqualTo(List.of());

    Record gauge = points.get(1);
    assertThat(gauge.getField("metric_name")).isEqualTo("my.gauge");
    assertThat(gauge.getField("value_double")).isEqualTo(10.0);
    assertThat(gauge.getField("aggregation_temporality")).isNull();
    assertThat(gauge.getField("is_monotonic")).isNull();
    assertThat(gauge.getField("start_timestamp")).isNull();

    Record histogram = points.get(2);
    assertThat(histogram.getField("metric_name")).isEqualTo("my.histogram");
    assertThat(histogram.getField("aggregation_temporality")).isEqualTo(1);
    assertThat(histogram.getField("count")).isEqualTo(2L);
    assertThat(histogram.getField("sum")).isEqualTo(2.0);
    assertThat(histogram.getField("min")).isEqualTo(0.0);
    assertThat(histogram.getField("max")).isEqualTo(2.0);
    assertThat(histogram.getField("bucket_counts")).isEqualTo(List.of(1L, 1L));
    assertThat(histogram.getField("explicit_bounds")).isEqualTo(List.of(1.0));
    assertThat(histogram.getField("value_double")).isNull();

    Record exponential = points.get(3);
    assertThat(exponential.getField("metric_name")).isEqualTo("my.exponential.histogram");
    assertThat(exponential.getField("description")).isEqualTo("I am an Exponential Histogram");
    assertThat(exponential.getField("aggregation_temporality")).isEqualTo(1);
    assertThat(exponential.getField("count")).isEqualTo(3L);
    assertThat(exponential.getField("sum")).isEqualTo(10.0);
    assertThat(exponential.getField("min")).isEqualTo(0.0);
    assertThat(exponential.getField("max")).isEqualTo(5.0);
    assertThat(exponential.getField("scale")).isEqualTo(0);
    assertThat(exponential.getField("zero_count")).isEqualTo(1L);
    assertThat(exponential.getField("zero_threshold")).isEqualTo(0.0);
    assertThat(exponential.getField("positive_offset")).isEqualTo(1);
    assertThat(exponential.getField("positive_bucket_counts")).isEqualTo(List.of(0L, 2L));
    assertThat(exponential.getField("negative_offset")).isEqualTo(0);
    assertThat(exponential.getField("negative_bucket_counts")).isEqualTo(List.of());
    assertThat(exponential.getField("bucket_counts")).isNull();
  }

  @Test
  void mapsSummaryQuantiles() {
    Metric summary =
        Metric.newBuilder()
            .setName("rpc.latency")
            .setSummary(
                Summary.newBuilder()
                    .addDataPoints(
                        SummaryDataPoint.newBuilder()
                            .setTimeUnixNano(T)
                            .setCount(4)
                            .setSum(9.5)
                            .setFlags(1)
                            .addQuantileValues(quantile(0.5, 2.0))
                            .addQuantileValues(quantile(0.99, 4.5))))
            .build();
    Record row = mapOne(summary);

    assertThat(row.getField("metric_type")).isEqualTo("summary");
    assertThat(row.getField("count")).isEqualTo(4L);
    assertThat(row.getField("sum")).isEqualTo(9.5);
    assertThat(row.getField("flags")).isEqualTo(1);
    assertThat(row.getField("aggregation_temporality")).isNull();
    assertThat(row.getField("exemplars")).isNull();
    @SuppressWarnings("unchecked")
    List<Record> quantiles = (List<Record>) row.getField("quantiles");
    assertThat(quantiles).extracting(q -> q.getField("quantile")).containsExactly(0.5, 0.99);
    assertThat(quantiles).extracting(q -> q.getField("value")).containsExactly(2.0, 4.5);
  }

  @Test
  void mapsIntValuesExemplarsTemporalityAndServiceInstance() {
    NumberDataPoint point =
        NumberDataPoint.newBuilder()
            .setTimeUnixNano(T + 7)
            .setStartTimeUnixNano(T - 1000)
            .setAsInt(-42)
            .addExemplars(
                Exemplar.newBuilder()
                    .setTimeUnixNano(T + 3)
                    .setAsDouble(1.25)
                    .setTraceId(id(TRACE_ID))
                    .setSpanId(id(SPAN_ID))
                    .addFilteredAttributes(kv("user", "u1")))
            .addExemplars(Exemplar.newBuilder().setAsInt(9))
            .build();
    Metric sum =
        Metric.newBuilder()
            .setName("requests")
            .setSum(
                Sum.newBuilder()
                    .setAggregationTemporality(
                        AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                    .addDataPoints(point))
            .build();
    Resource resource =
        Resource.newBuilder()
            .addAttributes(kv("service.name", "api"))
            .addAttributes(kv("service.instance.id", "pod-1"))
            .build();
    MappedRows rows = map(resource, sum);
    Record row = rows.rows(MetricPointMapper.METRICS).get(0);

    assertThat(row.getField("service_name")).isEqualTo("api");
    assertThat(row.getField("service_instance_id")).isEqualTo("pod-1");
    assertThat(row.getField("timestamp_nanos")).isEqualTo(7);
    assertThat(row.getField("start_timestamp")).isEqualTo(utc("2018-12-13T14:51:00.299999Z"));
    assertThat(row.getField("aggregation_temporality")).isEqualTo(2);
    assertThat(row.getField("is_monotonic")).isEqualTo(false);
    assertThat(row.getField("value_int")).isEqualTo(-42L);
    assertThat(row.getField("value_double")).isNull();
    @SuppressWarnings("unchecked")
    List<Record> exemplars = (List<Record>) row.getField("exemplars");
    assertThat(exemplars).hasSize(2);
    assertThat(exemplars.get(0).getField("time_unix_nano")).isEqualTo(T + 3);
    assertThat(exemplars.get(0).getField("value_double")).isEqualTo(1.25);
    assertThat(exemplars.get(0).getField("value_int")).isNull();
    assertThat((byte[]) exemplars.get(0).getField("trace_id")).isEqualTo(TRACE_ID);
    assertThat((byte[]) exemplars.get(0).getField("span_id")).isEqualTo(SPAN_ID);
    assertThat(exemplars.get(0).getField("filtered_attributes")).isEqualTo(Map.of("user", "u1"));
    assertThat(exemplars.get(1).getField("value_int")).isEqualTo(9L);
    assertThat(exemplars.get(1).getField("trace_id")).isNull();
  }

  @Test
  void rejectsOnlyThePointWithABadExemplarId() {
    Metric gauge =
        Metric.newBuilder()
            .setName("g")
            .setGauge(
                Gauge.newBuilder()
                    .addDataPoints(NumberDataPoint.newBuilder().setAsDouble(1))
                    .addDataPoints(
                        NumberDataPoint.newBuilder()
                            .addExemplars(Exemplar.newBuilder().setSpanId(zeros(16)))))
            .build();
    MappedRows rows = map(Resource.getDefaultInstance(), gauge);

    assertThat(rows.rows(MetricPointMapper.METRICS)).hasSize(1);
    assertThat(rows.rejectedCount()).isEqualTo(1);
    assertThat(rows.firstRejection())
        .contains(
            "Cannot store resource_metrics[0].scope_metrics[0].metrics[0].data_points[1]:"
                + " exemplars[0].span_id has 16 bytes, expected 8");
  }

  @Test
  void rejectsEveryPointOfAMetricWithoutName() {
    Metric unnamed =
        Metric.newBuilder()
            .setGauge(
                Gauge.newBuilder()
                    .addDataPoints(NumberDataPoint.getDefaultInstance())
                    .addDataPoints(NumberDataPoint.getDefaultInstance()))
            .build();
    MappedRows rows =
        map(Resource.getDefaultInstance(), unnamed, Metric.newBuilder().setName("empty").build());

    assertThat(rows.rows(MetricPointMapper.METRICS)).isEmpty();
    assertThat(rows.rejectedCount()).isEqualTo(2);
    assertThat(rows.firstRejection())
        .contains(
            "Cannot store resource_metrics[0].scope_metrics[0].metrics[0]: metric name is empty");
  }

  @Test
  void pointWithoutTimeTakesTheReceiveTime() {
    Metric gauge =
        Metric.newBuilder()
            .setName("g")
            .setGauge(Gauge.newBuilder().addDataPoints(NumberDataPoint.newBuilder().setAsDouble(1)))
            .build();

    assertThat(mapOne(gauge).getField("timestamp")).isEqualTo(utc("2026-11-25T10:00:00Z"));
  }

  private static SummaryDataPoint.ValueAtQuantile quantile(double quantile, double value) {
    return SummaryDataPoint.ValueAtQuantile.newBuilder()
        .setQuantile(quantile)
        .setValue(value)
        .build();
  }

  private static MappedRows map(Resource resource, Metric... metrics) {
    ScopeMetrics.Builder scope = ScopeMetrics.newBuilder();
    for (Metric metric : metrics) {
      scope.addMetrics(metric);
    }
    return MAPPER.map(
        "acme",
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder().setResource(resource).addScopeMetrics(scope))
            .build(),
        RECEIVED);
  }

  private static Record mapOne(Metric metric) {
    MappedRows rows = map(Resource.getDefaultInstance(), metric);
    assertThat(rows.rejectedCount()).isZero();
    assertThat(rows.rows(MetricPointMapper.METRICS)).hasSize(1);
    return rows.rows(MetricPointMapper.METRICS).get(0);
  }
}
