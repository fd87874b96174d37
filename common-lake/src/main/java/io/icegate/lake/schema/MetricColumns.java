package io.icegate.lake.schema;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.List;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/** Columns of one OTLP metric data point, any metric type (ids 10–35). */
final class MetricColumns {
  private MetricColumns() {}

  static List<NestedField> columns(FieldIds ids) {
    return List.of(
        required(10, "metric_name", Types.StringType.get(), "OTLP metric name"),
        required(
            11,
            "metric_type",
            Types.StringType.get(),
            "gauge, sum, histogram, exponential_histogram or summary"),
        optional(12, "description", Types.StringType.get(), "Metric description"),
        optional(13, "unit", Types.StringType.get(), "UCUM unit"),
        optional(
            14,
            "aggregation_temporality",
            Types.IntegerType.get(),
            "OTLP AggregationTemporality: 1 delta, 2 cumulative"),
        optional(15, "is_monotonic", Types.BooleanType.get(), "Sums only"),
        optional(16, "start_timestamp", Types.TimestampType.withZone(), "Start of the interval"),
        optional(17, "value_double", Types.DoubleType.get(), "Gauge/sum value as double"),
        optional(18, "value_int", Types.LongType.get(), "Gauge/sum value as int"),
        optional(19, "count", Types.LongType.get(), "Histogram/summary count"),
        optional(20, "sum", Types.DoubleType.get(), "Histogram/summary sum"),
        optional(21, "min", Types.DoubleType.get(), "Histogram min"),
        optional(22, "max", Types.DoubleType.get(), "Histogram max"),
        optional(23, "bucket_counts", longs(ids), "Explicit-bucket histogram counts"),
        optional(
            24,
            "explicit_bounds",
            Types.ListType.ofOptional(ids.next(), Types.DoubleType.get()),
            "Explicit-bucket histogram bounds"),
        optional(25, "scale", Types.IntegerType.get(), "Exponential histogram scale"),
        optional(26, "zero_count", Types.LongType.get(), "Exponential histogram zero count"),
        optional(27, "zero_threshold", Types.DoubleType.get(), "Exponential histogram"),
        optional(28, "positive_offset", Types.IntegerType.get(), "Exponential histogram"),
        optional(29, "positive_bucket_counts", longs(ids), "Exponential histogram"),
        optional(30, "negative_offset", Types.IntegerType.get(), "Exponential histogram"),
        optional(31, "negative_bucket_counts", longs(ids), "Exponential histogram"),
        optional(
            32,
            "quantiles",
            Types.ListType.ofOptional(
                ids.next(),
                Types.StructType.of(
                    optional(ids.next(), "quantile", Types.DoubleType.get()),
                    optional(ids.next(), "value", Types.DoubleType.get()))),
            "Summary quantiles"),
        optional(
            33,
            "exemplars",
            Types.ListType.ofOptional(
                ids.next(),
                Types.StructType.of(
                    optional(ids.next(), "time_unix_nano", Types.LongType.get()),
                    optional(ids.next(), "value_double", Types.DoubleType.get()),
                    optional(ids.next(), "value_int", Types.LongType.get()),
                    optional(ids.next(), "trace_id", CommonColumns.traceId()),
                    optional(ids.next(), "span_id", CommonColumns.spanId()),
                    optional(ids.next(), "filtered_attributes", CommonColumns.stringMap(ids)))),
            "Exemplars"),
        optional(34, "flags", Types.IntegerType.get(), "OTLP DataPointFlags"),
        optional(
            35, "service_instance_id", Types.StringType.get(), "Resource service.instance.id"));
  }

  private static Types.ListType longs(FieldIds ids) {
    return Types.ListType.ofOptional(ids.next(), Types.LongType.get());
  }
}
