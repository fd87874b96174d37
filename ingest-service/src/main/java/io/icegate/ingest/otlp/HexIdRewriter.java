package io.icegate.ingest.otlp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Rewrites OTLP/JSON trace and span ids from hex (the OTLP encoding) to base64 (what protobuf's
 * JSON parser expects for bytes) at known paths of a JSON tree. Paths are dotted lowerCamelCase
 * field names, {@code []} marking arrays of objects; each step also matches the snake_case name
 * protobuf accepts. Absent fields and fields of another shape are left for the protobuf parser to
 * judge.
 */
final class HexIdRewriter {
  private static final int MAX_QUOTED = 64;

  private HexIdRewriter() {}

  /**
   * @throws OtlpDecodeException when an id is not a string of hex digits
   */
  static void rewrite(ObjectNode root, String path, String... idFields) {
    walk(root, path.split("\\."), 0, "", idFields);
  }

  private static void walk(
      ObjectNode node, String[] steps, int step, String at, String[] idFields) {
    if (step == steps.length) {
      for (String field : idFields) {
        for (String key : keys(field)) {
          convert(node, key, at);
        }
      }
      return;
    }
    boolean array = steps[step].endsWith("[]");
    String name = array ? steps[step].substring(0, steps[step].length() - 2) : steps[step];
    for (String key : keys(name)) {
      JsonNode child = node.get(key);
      String childAt = at.isEmpty() ? key : at + "." + key;
      if (array && child != null && child.isArray()) {
        for (int i = 0; i < child.size(); i++) {
          if (child.get(i).isObject()) {
            walk((ObjectNode) child.get(i), steps, step + 1, childAt + "[" + i + "]", idFields);
          }
        }
      } else if (!array && child != null && child.isObject()) {
        walk((ObjectNode) child, steps, step + 1, childAt, idFields);
      }
    }
  }

  private static void convert(ObjectNode node, String field, String at) {
    JsonNode id = node.get(field);
    if (id == null || id.isNull()) {
      return;
    }
    String where = at + "." + field;
    if (!id.isTextual()) {
      throw new OtlpDecodeException(where + " must be a hex string, not " + id.getNodeType());
    }
    byte[] bytes;
    try {
      bytes = HexFormat.of().parseHex(id.textValue());
    } catch (IllegalArgumentException e) {
      throw new OtlpDecodeException(
          where
              + " is not hex (OTLP/JSON encodes trace and span ids in hex, not base64): "
              + quoted(id.textValue()));
    }
    node.put(field, Base64.getEncoder().encodeToString(bytes));
  }

  private static String quoted(String value) {
    return value.length() <= MAX_QUOTED
        ? "\"" + value + "\""
        : "\"" + value.substring(0, MAX_QUOTED) + "...\" (" + value.length() + " characters)";
  }

  /** The lowerCamelCase name and, when it differs, the original snake_case name. */
  private static List<String> keys(String camel) {
    String snake = snakeCase(camel);
    return snake.equals(camel) ? List.of(camel) : List.of(camel, snake);
  }

  private static String snakeCase(String camel) {
    StringBuilder snake = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        snake.append('_').append(Character.toLowerCase(c));
      } else {
        snake.append(c);
      }
    }
    return snake.toString();
  }
}
