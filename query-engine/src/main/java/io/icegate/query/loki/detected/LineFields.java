package io.icegate.query.loki.detected;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.icegate.query.loki.LabelMapping;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields Loki's {@code detected_fields} finds in a log line: a JSON object's leaves (nested
 * keys joined with {@code _}, as the {@code json} parser names them; arrays skipped), else the
 * {@code key=value} pairs of logfmt. Names are made label names.
 */
final class LineFields {
  private static final JsonFactory JSON = new JsonFactory();

  /** The fields and the parser that found them. */
  record Parsed(String parser, Map<String, String> fields) {}

  private LineFields() {}

  static Parsed parse(String line) {
    String trimmed = line.strip();
    if (trimmed.startsWith("{")) {
      Map<String, String> fields = json(trimmed);
      if (fields != null) {
        return new Parsed("json", fields);
      }
    }
    return new Parsed("logfmt", logfmt(line));
  }

  private static Map<String, String> json(String line) {
    Map<String, String> fields = new LinkedHashMap<>();
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      object(parser, "", fields);
      return fields;
    } catch (IOException e) {
      return null;
    }
  }

  private static void object(JsonParser parser, String prefix, Map<String, String> fields)
      throws IOException {
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = prefix + LabelMapping.normalize(parser.currentName());
      JsonToken value = parser.nextToken();
      switch (value) {
        case START_OBJECT -> object(parser, name + "_", fields);
        case START_ARRAY -> parser.skipChildren();
        case VALUE_NULL -> {
          // no value, no field
        }
        default -> fields.put(name, parser.getText());
      }
    }
  }

  /** logfmt pairs: {@code key=value}, {@code key="quoted value"}; bare words are not fields. */
  static Map<String, String> logfmt(String line) {
    Map<String, String> fields = new LinkedHashMap<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      while (i < n && line.charAt(i) <= ' ') {
        i++;
      }
      int keyStart = i;
      while (i < n && line.charAt(i) > ' ' && line.charAt(i) != '=' && line.charAt(i) != '"') {
        i++;
      }
      String key = line.substring(keyStart, i);
      if (i >= n || line.charAt(i) != '=') {
        // a bare word or a stray quote: skip to the next space
        while (i < n && line.charAt(i) > ' ') {
          i++;
        }
        continue;
      }
      i++;
      StringBuilder value = new StringBuilder();
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (i < n && line.charAt(i) != '"') {
          if (line.charAt(i) == '\\' && i + 1 < n) {
            i++;
          }
          value.append(line.charAt(i++));
        }
        i++;
      } else {
        while (i < n && line.charAt(i) > ' ') {
          value.append(line.charAt(i++));
        }
      }
      if (!key.isEmpty()) {
        fields.put(LabelMapping.normalize(key), value.toString());
      }
    }
    return fields;
  }
}
