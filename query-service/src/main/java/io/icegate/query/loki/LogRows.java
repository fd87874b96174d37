package io.icegate.query.loki;

import io.icegate.query.engine.ArrowPlainValues;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Reads {@code logs} scan batches (the columns of {@link #COLUMNS}, in order) as {@link LogRow}s.
 */
final class LogRows {
  static final List<String> COLUMNS =
      List.of(
          "timestamp",
          "timestamp_nanos",
          "service_name",
          "resource_attributes",
          "scope_name",
          "scope_version",
          "scope_attributes",
          "attributes",
          "observed_timestamp",
          "severity_number",
          "severity_text",
          "body",
          "trace_id",
          "span_id",
          "flags",
          "dropped_attributes_count");

  static final List<String> STREAM_COLUMNS =
      List.of("timestamp", "timestamp_nanos", "service_name", "resource_attributes");

  /** What stream labels are made of. */
  @FunctionalInterface
  interface StreamRowSink {
    void accept(long timestampNanos, String serviceName, Map<String, String> resourceAttributes);
  }

  private static final HexFormat HEX = HexFormat.of();

  private LogRows() {}

  /** Hands every row of {@code batch} to {@code sink}. */
  static void forEach(VectorSchemaRoot batch, Consumer<LogRow> sink) {
    List<FieldVector> v = batch.getFieldVectors();
    for (int r = 0; r < batch.getRowCount(); r++) {
      long micros = ((TimeStampVector) v.get(0)).get(r);
      int nanos = intOr((IntVector) v.get(1), r, 0);
      TimeStampVector observedVector = (TimeStampVector) v.get(8);
      Optional<Long> observedNanos =
          observedVector.isNull(r)
              ? Optional.empty()
              : Optional.of(Math.multiplyExact(observedVector.get(r), 1000L));
      sink.accept(
          new LogRow(
              Math.addExact(Math.multiplyExact(micros, 1000L), nanos),
              string(v.get(2), r).orElse("unknown_service"),
              map(v.get(3), r),
              string(v.get(4), r),
              string(v.get(5), r),
              map(v.get(6), r),
              map(v.get(7), r),
              observedNanos,
              intOr((IntVector) v.get(9), r, 0),
              string(v.get(10), r),
              string(v.get(11), r).orElse(""),
              hex(v.get(12), r),
              hex(v.get(13), r),
              intOr((IntVector) v.get(14), r, 0),
              intOr((IntVector) v.get(15), r, 0)));
    }
  }

  /** Hands the stream columns of every row of a {@link #STREAM_COLUMNS} batch to {@code sink}. */
  static void forEachStreamRow(VectorSchemaRoot batch, StreamRowSink sink) {
    List<FieldVector> v = batch.getFieldVectors();
    for (int r = 0; r < batch.getRowCount(); r++) {
      long micros = ((TimeStampVector) v.get(0)).get(r);
      int nanos = intOr((IntVector) v.get(1), r, 0);
      sink.accept(
          Math.addExact(Math.multiplyExact(micros, 1000L), nanos),
          string(v.get(2), r).orElse("unknown_service"),
          map(v.get(3), r));
    }
  }

  private static int intOr(IntVector vector, int row, int otherwise) {
    return vector.isNull(row) ? otherwise : vector.get(row);
  }

  private static Optional<String> string(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return Optional.empty();
    }
    return Optional.of(new String(((VarCharVector) vector).get(row), StandardCharsets.UTF_8));
  }

  private static Optional<String> hex(FieldVector vector, int row) {
    return vector.isNull(row)
        ? Optional.empty()
        : Optional.of(HEX.formatHex(((FixedSizeBinaryVector) vector).get(row)));
  }

  private static Map<String, String> map(FieldVector vector, int row) {
    if (vector.isNull(row)) {
      return Map.of();
    }
    MapVector map = (MapVector) vector;
    StructVector entries = (StructVector) map.getDataVector();
    FieldVector keys = entries.getChildrenFromFields().get(0);
    FieldVector values = entries.getChildrenFromFields().get(1);
    Map<String, String> result = new LinkedHashMap<>();
    for (int i = map.getElementStartIndex(row); i < map.getElementEndIndex(row); i++) {
      Object value = ArrowPlainValues.value(values, i);
      // Map.copyOf in LogRow refuses null values: an empty AnyValue reads as "".
      result.put(
          String.valueOf(ArrowPlainValues.value(keys, i)), value == null ? "" : value.toString());
    }
    return result;
  }
}
