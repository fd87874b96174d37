package io.icegate.ingest.otlp;

import io.icegate.lake.schema.LakeTables;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/**
 * Sets the value columns of a {@code metrics} row from each OTLP data point type; columns that do
 * not belong to the type stay null (e.g. {@code quantiles} of a gauge).
 */
final class DataPointColumns {
  private static final Schema SCHEMA = LakeTables.metrics().schema();
  private static final Record QUANTILE_TEMPLATE = GenericRecord.create(elementStruct("quantiles"));
  private static final Record EXEMPLAR_TEMPLATE = GenericRecord.create(elementStruct("exemplars"));

  private DataPointColumns() {}

  static void number(Record row, NumberDataPoint point) {
    switch (point.getValueCase()) {
      case AS_DOUBLE -> row.setField("value_double", point.getAsDouble());
      case AS_INT -> row.setField("value_int", point.getAsInt());
      case VALUE_NOT_SET -> {
        // No value: e.g. a point flagged DATA_POINT_FLAGS_NO_RECORDED_VALUE (kept in flags).
      }
    }
    row.setField("exemplars", exemplars(point.getExemplarsList()));
  }

  static void histogram(Record row, HistogramDataPoint point) {
    row.setField("count", point.getCount());
    row.setField("sum", point.hasSum() ? point.getSum() : null);
    row.setField("min", point.hasMin() ? point.getMin() : null);
    row.setField("max", point.hasMax() ? point.getMax() : null);
    row.setField("bucket_counts", List.copyOf(point.getBucketCountsList()));
    row.setField("explicit_bounds", List.copyOf(point.getExplicitBoundsList()));
    row.setField("exemplars", exemplars(point.getExemplarsList()));
  }

  static void exponentialHistogram(Record row, ExponentialHistogramDataPoint point) {
    row.setField("count", point.getCount());
    row.setField("sum", point.hasSum() ? point.getSum() : null);
    row.setField("min", point.hasMin() ? point.getMin() : null);
    row.setField("max", point.hasMax() ? point.getMax() : null);
    row.setField("scale", point.getScale());
    row.setField("zero_count", point.getZeroCount());
    row.setField("zero_threshold", point.getZeroThreshold());
    row.setField("positive_offset", point.getPositive().getOffset());
    row.setField("positive_bucket_counts", List.copyOf(point.getPositive().getBucketCountsList()));
    row.setField("negative_offset", point.getNegative().getOffset());
    row.setField("negative_bucket_counts", List.copyOf(point.getNegative().getBucketCountsList()));
    row.setField("exemplars", exemplars(point.getExemplarsList()));
  }

  static void summary(Record row, SummaryDataPoint point) {
    row.setField("count", point.getCount());
    row.setField("sum", point.getSum());
    List<Record> quantiles = new ArrayList<>(point.getQuantileValuesCount());
    for (SummaryDataPoint.ValueAtQuantile quantile : point.getQuantileValuesList()) {
      Record struct = QUANTILE_TEMPLATE.copy();
      struct.setField("quantile", quantile.getQuantile());
      struct.setField("value", quantile.getValue());
      quantiles.add(struct);
    }
    row.setField("quantiles", quantiles);
  }

  private static List<Record> exemplars(List<Exemplar> exemplars) {
    List<Record> structs = new ArrayList<>(exemplars.size());
    for (int i = 0; i < exemplars.size(); i++) {
      Exemplar exemplar = exemplars.get(i);
      String at = "exemplars[" + i + "].";
      Record struct = EXEMPLAR_TEMPLATE.copy();
      struct.setField("time_unix_nano", exemplar.getTimeUnixNano());
      switch (exemplar.getValueCase()) {
        case AS_DOUBLE -> struct.setField("value_double", exemplar.getAsDouble());
        case AS_INT -> struct.setField("value_int", exemplar.getAsInt());
        case VALUE_NOT_SET -> {
          // Both value columns stay null.
        }
      }
      struct.setField(
          "trace_id",
          IdBytes.optional(exemplar.getTraceId(), IdBytes.TRACE_ID_LENGTH, at + "trace_id"));
      struct.setField(
          "span_id",
          IdBytes.optional(exemplar.getSpanId(), IdBytes.SPAN_ID_LENGTH, at + "span_id"));
      struct.setField(
          "filtered_attributes",
          AnyValueJson.attributes(exemplar.getFilteredAttributesList(), at + "filtered_attribute"));
      structs.add(struct);
    }
    return structs;
  }

  private static Types.StructType elementStruct(String listColumn) {
    return SCHEMA.findField(listColumn).type().asListType().elementType().asStructType();
  }
}
