package io.icegate.lake.wal;

import java.nio.ByteBuffer;
import java.sql.Array;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Struct;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * Rows from different readers in one comparable form, guided by the Iceberg type of each field: a
 * map from column name to value, timestamps as epoch microseconds, fixed and binary as hex, structs
 * as maps by field name, lists as lists, maps as maps. Nulls are kept.
 */
public final class CanonicalRows {
  private CanonicalRows() {}

  public static Map<String, Object> fromIceberg(Record row, Schema schema) {
    Map<String, Object> out = new HashMap<>();
    for (Types.NestedField field : schema.columns()) {
      out.put(field.name(), value(row.getField(field.name()), field.type()));
    }
    return out;
  }

  public static Map<String, Object> fromJdbc(ResultSet row, Schema schema) throws SQLException {
    Map<String, Object> out = new HashMap<>();
    for (Types.NestedField field : schema.columns()) {
      out.put(field.name(), value(row.getObject(field.name()), field.type()));
    }
    return out;
  }

  private static Object value(Object value, Type type) {
    if (value == null) {
      return null;
    }
    try {
      return switch (type.typeId()) {
        case BOOLEAN -> (Boolean) value;
        case INTEGER -> ((Number) value).intValue();
        case LONG -> ((Number) value).longValue();
        case DOUBLE -> ((Number) value).doubleValue();
        case STRING -> value.toString();
        case TIMESTAMP -> micros((OffsetDateTime) value);
        case FIXED, BINARY -> HexFormat.of().formatHex(bytes(value));
        case LIST -> list(value, type.asListType());
        case MAP -> map((Map<?, ?>) value, type.asMapType());
        case STRUCT -> struct(value, type.asStructType());
        default -> throw new IllegalArgumentException("Unexpected type " + type);
      };
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read " + type + " value " + value, e);
    }
  }

  private static long micros(OffsetDateTime time) {
    return ChronoUnit.MICROS.between(OffsetDateTime.parse("1970-01-01T00:00:00Z"), time);
  }

  private static byte[] bytes(Object value) throws SQLException {
    if (value instanceof byte[] bytes) {
      return bytes;
    }
    if (value instanceof ByteBuffer buffer) {
      byte[] out = new byte[buffer.remaining()];
      buffer.duplicate().get(out);
      return out;
    }
    Blob blob = (Blob) value;
    return blob.getBytes(1, Math.toIntExact(blob.length()));
  }

  private static List<Object> list(Object value, Types.ListType type) throws SQLException {
    List<?> elements =
        value instanceof Array array ? Arrays.asList((Object[]) array.getArray()) : (List<?>) value;
    List<Object> out = new ArrayList<>();
    for (Object element : elements) {
      out.add(value(element, type.elementType()));
    }
    return out;
  }

  private static Map<Object, Object> map(Map<?, ?> value, Types.MapType type) {
    Map<Object, Object> out = new HashMap<>();
    value.forEach((k, v) -> out.put(value(k, type.keyType()), value(v, type.valueType())));
    return out;
  }

  private static Map<String, Object> struct(Object value, Types.StructType type)
      throws SQLException {
    List<Types.NestedField> fields = type.fields();
    Map<String, Object> out = new HashMap<>();
    if (value instanceof Record record) {
      for (Types.NestedField field : fields) {
        out.put(field.name(), value(record.getField(field.name()), field.type()));
      }
    } else {
      // JDBC structs carry their attributes in the declared field order.
      Object[] attributes = ((Struct) value).getAttributes();
      for (int i = 0; i < fields.size(); i++) {
        out.put(fields.get(i).name(), value(attributes[i], fields.get(i).type()));
      }
    }
    return out;
  }
}
