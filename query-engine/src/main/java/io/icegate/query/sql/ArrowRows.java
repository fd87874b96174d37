package io.icegate.query.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.icegate.query.engine.ArrowPlainValues;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.iceberg.util.JsonUtil;

/**
 * Reads the scan layer's Arrow batches as rows in Calcite's internal representation: timestamps as
 * epoch milliseconds, binary as {@link ByteString}, maps as {@link Map}, arrays as {@link List},
 * nested structs as JSON text (see {@link SqlTypes}).
 */
final class ArrowRows {
  private ArrowRows() {}

  static Object value(ValueVector vector, int index) {
    if (vector.isNull(index)) {
      return null;
    } else if (vector instanceof VarCharVector v) {
      return new String(v.get(index), StandardCharsets.UTF_8);
    } else if (vector instanceof IntVector v) {
      return v.get(index);
    } else if (vector instanceof BigIntVector v) {
      return v.get(index);
    } else if (vector instanceof Float8Vector v) {
      return v.get(index);
    } else if (vector instanceof Float4Vector v) {
      return v.get(index);
    } else if (vector instanceof BitVector v) {
      return v.get(index) == 1;
    } else if (vector instanceof DateDayVector v) {
      return v.get(index);
    } else if (vector instanceof TimeStampVector v) {
      return Math.floorDiv(v.get(index), 1000L);
    } else if (vector instanceof FixedSizeBinaryVector v) {
      return new ByteString(v.get(index));
    } else if (vector instanceof VarBinaryVector v) {
      return new ByteString(v.get(index));
    } else if (vector instanceof MapVector v) {
      return map(v, index);
    } else if (vector instanceof ListVector v) {
      return v.getDataVector() instanceof StructVector || v.getDataVector() instanceof ListVector
          ? json(vector, index)
          : list(v, index);
    } else if (vector instanceof StructVector) {
      return json(vector, index);
    }
    throw new IllegalArgumentException(
        "Cannot read Arrow vector " + vector.getClass().getSimpleName() + " in SQL");
  }

  private static Map<Object, Object> map(MapVector vector, int index) {
    StructVector entries = (StructVector) vector.getDataVector();
    FieldVector keys = entries.getChildrenFromFields().get(0);
    FieldVector values = entries.getChildrenFromFields().get(1);
    Map<Object, Object> map = new LinkedHashMap<>();
    int end = vector.getElementEndIndex(index);
    for (int i = vector.getElementStartIndex(index); i < end; i++) {
      map.put(value(keys, i), value(values, i));
    }
    return map;
  }

  private static List<Object> list(ListVector vector, int index) {
    List<Object> list = new ArrayList<>();
    int end = vector.getElementEndIndex(index);
    for (int i = vector.getElementStartIndex(index); i < end; i++) {
      list.add(value(vector.getDataVector(), i));
    }
    return list;
  }

  private static String json(ValueVector vector, int index) {
    try {
      return JsonUtil.mapper().writeValueAsString(ArrowPlainValues.value(vector, index));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode a nested value as JSON: " + e.getMessage(), e);
    }
  }
}
