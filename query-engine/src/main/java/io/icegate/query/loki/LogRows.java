package io.icegate.query.loki;

import static java.util.Objects.requireNonNull;

import io.icegate.query.engine.ArrowPlainValues;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.memory.util.ByteFunctionHelpers;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Reads {@code logs} scan batches column by column, by name, only what a caller asks for: a row is
 * never decoded as a whole unless {@link Batch#row} is called (which needs every column of {@link
 * LogColumnChoice#ALL}). Which columns a batch has is the scan's choice ({@link
 * LogColumnChoice#names()}).
 */
final class LogRows {
  private static final HexFormat HEX = HexFormat.of();

  private LogRows() {}

  /** One scan batch; columns the scan did not select read as absent (null vectors here). */
  static final class Batch {
    private final int rowCount;
    private final TimeStampVector times;
    private final IntVector nanos;
    private final VarCharVector services;
    private final MapVector resources;
    private final VarCharVector bodies;
    private final VectorSchemaRoot root;
    private boolean valid = true;

    Batch(VectorSchemaRoot root) {
      this.root = requireNonNull(root, "root is null");
      this.rowCount = root.getRowCount();
      this.times = (TimeStampVector) root.getVector(LogColumnChoice.TIMESTAMP);
      this.nanos = (IntVector) root.getVector(LogColumnChoice.TIMESTAMP_NANOS);
      this.services = (VarCharVector) root.getVector(LogColumnChoice.SERVICE_NAME);
      this.resources = (MapVector) root.getVector(LogColumnChoice.RESOURCE_ATTRIBUTES);
      this.bodies = (VarCharVector) root.getVector(LogColumnChoice.BODY);
    }

    int rowCount() {
      return rowCount;
    }

    /**
     * Marks the batch as gone: the scan moved on and its vectors hold other rows now. Lazy readers
     * of a row ({@link LogEntry}'s structured metadata) fail instead of reading another row.
     */
    void expire() {
      valid = false;
    }

    void checkValid() {
      if (!valid) {
        throw new IllegalStateException("a log row was read after its scan batch was released");
      }
    }

    long timestampNanos(int r) {
      int extra = nanos == null || nanos.isNull(r) ? 0 : nanos.get(r);
      return Math.addExact(Math.multiplyExact(times.get(r), 1000L), extra);
    }

    String serviceName(int r) {
      return services.isNull(r)
          ? "unknown_service"
          : new String(services.get(r), StandardCharsets.UTF_8);
    }

    /** The resource attributes; empty when the column was not read. */
    Map<String, String> resource(int r) {
      return resources == null ? Map.of() : map(resources, r);
    }

    /** The line; "" when absent. */
    String body(int r) {
      return bodies == null || bodies.isNull(r)
          ? ""
          : new String(bodies.get(r), StandardCharsets.UTF_8);
    }

    /** The line's UTF-8 size, read from the vector's offsets (VarChar holds UTF-8). */
    long bodyBytes(int r) {
      return bodies == null || bodies.isNull(r)
          ? 0
          : bodies.getEndOffset(r) - (long) bodies.getStartOffset(r);
    }

    /**
     * Whether rows {@code r} and {@code other} have the same service name and resource attributes
     * (of what was read), compared as stored bytes without decoding.
     */
    boolean sameStream(int r, int other) {
      if (!sameString(services, r, other)) {
        return false;
      }
      if (resources == null) {
        return true;
      }
      if (resources.isNull(r) || resources.isNull(other)) {
        return resources.isNull(r) && resources.isNull(other);
      }
      int start = resources.getElementStartIndex(r);
      int size = resources.getElementEndIndex(r) - start;
      int otherStart = resources.getElementStartIndex(other);
      if (resources.getElementEndIndex(other) - otherStart != size) {
        return false;
      }
      StructVector entries = (StructVector) resources.getDataVector();
      FieldVector keys = entries.getChildrenFromFields().get(0);
      FieldVector values = entries.getChildrenFromFields().get(1);
      if (!(keys instanceof VarCharVector k) || !(values instanceof VarCharVector v)) {
        return false;
      }
      for (int i = 0; i < size; i++) {
        if (!sameString(k, start + i, otherStart + i)
            || !sameString(v, start + i, otherStart + i)) {
          return false;
        }
      }
      return true;
    }

    /** The whole row; the batch must hold every column of {@link LogColumnChoice#ALL}. */
    LogRow row(int r) {
      TimeStampVector observed = (TimeStampVector) vector("observed_timestamp");
      Optional<Long> observedNanos =
          observed.isNull(r)
              ? Optional.empty()
              : Optional.of(Math.multiplyExact(observed.get(r), 1000L));
      return new LogRow(
          timestampNanos(r),
          serviceName(r),
          map(vector(LogColumnChoice.RESOURCE_ATTRIBUTES), r),
          string(vector("scope_name"), r),
          string(vector("scope_version"), r),
          map(vector("scope_attributes"), r),
          map(vector("attributes"), r),
          observedNanos,
          intOr((IntVector) vector("severity_number"), r, 0),
          string(vector("severity_text"), r),
          body(r),
          hex(vector("trace_id"), r),
          hex(vector("span_id"), r),
          intOr((IntVector) vector("flags"), r, 0),
          intOr((IntVector) vector("dropped_attributes_count"), r, 0));
    }

    private FieldVector vector(String name) {
      FieldVector vector = root.getVector(name);
      if (vector == null) {
        throw new IllegalStateException("column " + name + " was not read");
      }
      return vector;
    }

    private static boolean sameString(VarCharVector vector, int r, int other) {
      boolean nullR = vector.isNull(r);
      if (nullR || vector.isNull(other)) {
        return nullR && vector.isNull(other);
      }
      return ByteFunctionHelpers.equal(
              vector.getDataBuffer(),
              vector.getStartOffset(r),
              vector.getEndOffset(r),
              vector.getDataBuffer(),
              vector.getStartOffset(other),
              vector.getEndOffset(other))
          == 1;
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

  /** A stored attribute map as Loki sees it (nulls read as ""); empty for a null map. */
  static Map<String, String> map(FieldVector vector, int row) {
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
      // An empty AnyValue is stored as null; it reads as "" (Loki's AsString).
      result.put(
          String.valueOf(ArrowPlainValues.value(keys, i)), value == null ? "" : value.toString());
    }
    return result;
  }
}
