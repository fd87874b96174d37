package io.icegate.query.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TimeStampMilliTZVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.util.DateTimeUtil;

/**
 * Writes plain Java values into Arrow vectors, growing them as needed: what Iceberg's generic
 * records hold (String, Integer, Long, Double, Boolean, OffsetDateTime, byte[], ByteBuffer, Map,
 * List, Record) and what SQL results hold (also Instant, LocalDate, BigDecimal).
 */
public final class ArrowValues {
  private ArrowValues() {}

  public static void write(ValueVector vector, int index, Object value) {
    if (value == null) {
      setNull(vector, index);
    } else if (vector instanceof VarCharVector v) {
      v.setSafe(index, value.toString().getBytes(StandardCharsets.UTF_8));
    } else if (vector instanceof IntVector v) {
      v.setSafe(index, ((Number) value).intValue());
    } else if (vector instanceof BigIntVector v) {
      v.setSafe(index, ((Number) value).longValue());
    } else if (vector instanceof Float8Vector v) {
      v.setSafe(index, ((Number) value).doubleValue());
    } else if (vector instanceof Float4Vector v) {
      v.setSafe(index, ((Number) value).floatValue());
    } else if (vector instanceof BitVector v) {
      v.setSafe(index, ((Boolean) value) ? 1 : 0);
    } else if (vector instanceof DateDayVector v) {
      v.setSafe(index, (int) ((LocalDate) value).toEpochDay());
    } else if (vector instanceof DecimalVector v) {
      v.setSafe(index, ((BigDecimal) value).setScale(v.getScale(), RoundingMode.HALF_UP));
    } else if (vector instanceof TimeStampMicroTZVector v) {
      v.setSafe(index, micros(value));
    } else if (vector instanceof TimeStampMicroVector v) {
      v.setSafe(index, micros(value));
    } else if (vector instanceof TimeStampMilliTZVector v) {
      v.setSafe(index, Math.floorDiv(micros(value), 1000));
    } else if (vector instanceof FixedSizeBinaryVector v) {
      v.setSafe(index, bytes(value));
    } else if (vector instanceof VarBinaryVector v) {
      v.setSafe(index, bytes(value));
    } else if (vector instanceof MapVector v) {
      writeMap(v, index, (Map<?, ?>) value);
    } else if (vector instanceof ListVector v) {
      writeList(v, index, (List<?>) value);
    } else if (vector instanceof StructVector v) {
      writeStruct(v, index, value);
    } else {
      throw new IllegalArgumentException(
          "Cannot write to Arrow vector " + vector.getClass().getSimpleName());
    }
  }

  /** Marks one value null, growing the vector as a {@code setSafe} would. */
  public static void setNull(ValueVector vector, int index) {
    if (vector instanceof BaseFixedWidthVector v) {
      v.setNull(index);
    } else if (vector instanceof BaseVariableWidthVector v) {
      v.setNull(index);
    } else if (vector instanceof ListVector v) {
      v.setNull(index);
    } else if (vector instanceof StructVector v) {
      v.setNull(index);
    } else {
      throw new IllegalArgumentException(
          "Cannot write null to Arrow vector " + vector.getClass().getSimpleName());
    }
  }

  private static void writeMap(MapVector vector, int index, Map<?, ?> map) {
    int start = vector.startNewValue(index);
    StructVector entries = (StructVector) vector.getDataVector();
    FieldVector keys = entries.getChildrenFromFields().get(0);
    FieldVector values = entries.getChildrenFromFields().get(1);
    int at = start;
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      entries.setIndexDefined(at);
      write(keys, at, entry.getKey());
      write(values, at, entry.getValue());
      at++;
    }
    vector.endValue(index, map.size());
  }

  private static void writeList(ListVector vector, int index, List<?> list) {
    int start = vector.startNewValue(index);
    FieldVector elements = vector.getDataVector();
    for (int i = 0; i < list.size(); i++) {
      write(elements, start + i, list.get(i));
    }
    vector.endValue(index, list.size());
  }

  private static void writeStruct(StructVector vector, int index, Object value) {
    vector.setIndexDefined(index);
    List<FieldVector> children = vector.getChildrenFromFields();
    for (int i = 0; i < children.size(); i++) {
      FieldVector child = children.get(i);
      Object field;
      if (value instanceof Record record) {
        field = record.getField(child.getName());
      } else if (value instanceof StructLike struct) {
        field = struct.get(i, Object.class);
      } else if (value instanceof Object[] array) {
        field = array[i];
      } else {
        throw new IllegalArgumentException(
            "Cannot write " + value.getClass().getSimpleName() + " as a struct");
      }
      write(child, index, field);
    }
  }

  private static long micros(Object value) {
    if (value instanceof OffsetDateTime time) {
      // Epoch seconds and nanos: the same value as DateTimeUtil.microsFromTimestamptz without its
      // ChronoUnit arithmetic, which was a tenth of a timestamp scan's time in the profile.
      return Math.addExact(
          Math.multiplyExact(time.toEpochSecond(), 1_000_000L), time.getNano() / 1000);
    } else if (value instanceof LocalDateTime time) {
      return DateTimeUtil.microsFromTimestamp(time);
    } else if (value instanceof Instant time) {
      return DateTimeUtil.microsFromInstant(time);
    } else if (value instanceof Long micros) {
      return micros;
    }
    throw new IllegalArgumentException(
        "Cannot write " + value.getClass().getSimpleName() + " as a timestamp");
  }

  private static byte[] bytes(Object value) {
    if (value instanceof byte[] array) {
      return array;
    } else if (value instanceof ByteBuffer buffer) {
      byte[] copy = new byte[buffer.remaining()];
      buffer.duplicate().get(copy);
      return copy;
    }
    throw new IllegalArgumentException(
        "Cannot write " + value.getClass().getSimpleName() + " as binary");
  }
}
