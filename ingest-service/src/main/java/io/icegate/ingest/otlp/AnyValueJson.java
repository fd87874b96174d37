package io.icegate.ingest.otlp;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns OTLP AnyValues into the strings stored in attribute maps and {@code body} columns: a string
 * value as is, every other value as compact JSON (docs/schema.md): ints as JSON integers, doubles
 * as Java prints them ({@code 5.0}, {@code 1.0E20}; NaN and infinities as the strings {@code
 * "NaN"}, {@code "Infinity"}, {@code "-Infinity"}), bools, bytes as a base64 JSON string, arrays as
 * JSON arrays, kvlists as JSON objects with keys in the order sent, an empty value as {@code null}.
 */
final class AnyValueJson {
  /** Arrays and kvlists nested deeper than this reject the record that holds them. */
  static final int MAX_NESTING = 32;

  private AnyValueJson() {}

  /** The column value of an attribute or body: strings as is, everything else as JSON. */
  static String toColumn(AnyValue value, String what) {
    if (value.getValueCase() == AnyValue.ValueCase.STRING_VALUE) {
      return value.getStringValue();
    }
    StringBuilder out = new StringBuilder();
    write(value, out, 0, what);
    return out.toString();
  }

  /**
   * An attribute list as a map; a key sent twice keeps its last value. Empty lists give an empty
   * map, never null.
   */
  static Map<String, String> attributes(List<KeyValue> attributes, String what) {
    if (attributes.isEmpty()) {
      return Map.of();
    }
    Map<String, String> map = new HashMap<>(attributes.size() * 2);
    for (KeyValue attribute : attributes) {
      String key = key(attribute, what);
      map.put(key, toColumn(attribute.getValue(), what + " '" + key + "'"));
    }
    return Collections.unmodifiableMap(map);
  }

  private static String key(KeyValue attribute, String what) {
    if (attribute.getKeyStrindex() != 0) {
      // String tables exist only in the profiles signal; there is nothing to resolve them against.
      throw new RecordRejectedException(
          what + " uses key_strindex, which is only valid in OTLP profiles");
    }
    return attribute.getKey();
  }

  private static void write(AnyValue value, StringBuilder out, int nesting, String what) {
    switch (value.getValueCase()) {
      case STRING_VALUE -> quote(value.getStringValue(), out);
      case BOOL_VALUE -> out.append(value.getBoolValue());
      case INT_VALUE -> out.append(value.getIntValue());
      case DOUBLE_VALUE -> writeDouble(value.getDoubleValue(), out);
      case BYTES_VALUE ->
          quote(Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()), out);
      case ARRAY_VALUE -> {
        checkNesting(nesting + 1, what);
        out.append('[');
        List<AnyValue> values = value.getArrayValue().getValuesList();
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          write(values.get(i), out, nesting + 1, what);
        }
        out.append(']');
      }
      case KVLIST_VALUE -> {
        checkNesting(nesting + 1, what);
        out.append('{');
        List<KeyValue> values = value.getKvlistValue().getValuesList();
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          quote(key(values.get(i), what), out);
          out.append(':');
          write(values.get(i).getValue(), out, nesting + 1, what);
        }
        out.append('}');
      }
      case STRING_VALUE_STRINDEX ->
          throw new RecordRejectedException(
              what + " uses string_value_strindex, which is only valid in OTLP profiles");
      case VALUE_NOT_SET -> out.append("null");
    }
  }

  private static void checkNesting(int nesting, String what) {
    if (nesting > MAX_NESTING) {
      throw new RecordRejectedException(
          what + " nests arrays/kvlists deeper than " + MAX_NESTING + " levels");
    }
  }

  private static void writeDouble(double value, StringBuilder out) {
    if (Double.isNaN(value)) {
      out.append("\"NaN\"");
    } else if (Double.isInfinite(value)) {
      out.append(value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
    } else {
      out.append(value);
    }
  }

  static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
