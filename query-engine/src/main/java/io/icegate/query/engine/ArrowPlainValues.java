package io.icegate.query.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.FixedSizeBinaryVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.ValueVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.MapVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.iceberg.util.DateTimeUtil;

/**
 * Reads an Arrow value as plain JSON-ready Java: structs and maps as maps, lists as lists, binary
 * as lowercase hex, timestamps as ISO-8601 text with microseconds.
 */
public final class ArrowPlainValues {
  private static final HexFormat HEX = HexFormat.of();

  private ArrowPlainValues() {}

  public static Object value(ValueVector vector, int index) {
    if (vector.isNull(index)) {
      return null;
    } else if (vector instanceof VarCharVector v) {
      return new String(v.get(index), StandardCharsets.UTF_8);
    } else if (vector instanceof FixedSizeBinaryVector v) {
      return HEX.formatHex(v.get(index));
    } else if (vector instanceof VarBinaryVector v) {
      return HEX.formatHex(v.get(index));
    } else if (vector instanceof TimeStampVector v) {
      return DateTimeUtil.timestamptzFromMicros(v.get(index)).toInstant().toString();
    } else if (vector instanceof MapVector v) {
      StructVector entries = (StructVector) v.getDataVector();
      FieldVector keys = entries.getChildrenFromFields().get(0);
      FieldVector values = entries.getChildrenFromFields().get(1);
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = v.getElementStartIndex(index); i < v.getElementEndIndex(index); i++) {
        map.put(String.valueOf(value(keys, i)), value(values, i));
      }
      return map;
    } else if (vector instanceof ListVector v) {
      List<Object> list = new ArrayList<>();
      for (int i = v.getElementStartIndex(index); i < v.getElementEndIndex(index); i++) {
        list.add(value(v.getDataVector(), i));
      }
      return list;
    } else if (vector instanceof StructVector v) {
      Map<String, Object> struct = new LinkedHashMap<>();
      for (FieldVector child : v.getChildrenFromFields()) {
        struct.put(child.getName(), value(child, index));
      }
      return struct;
    }
    return vector.getObject(index);
  }
}
