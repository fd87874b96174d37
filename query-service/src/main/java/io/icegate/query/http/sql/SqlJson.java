package io.icegate.query.http.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.icegate.query.sql.SqlColumn;
import io.icegate.query.sql.SqlQueryException;
import io.icegate.query.sql.SqlResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The JSON answer of {@code POST /api/v1/sql}: {@code {"columns":[{"name","type"}], "rows":[[...]],
 * "stats":{...}}}. Timestamps are ISO-8601 UTC text, binary values lowercase hex, maps objects,
 * arrays arrays; non-finite doubles are the strings "NaN", "Infinity", "-Infinity".
 */
final class SqlJson {
  private static final JsonFactory JSON = new JsonFactory();
  private static final HexFormat HEX = HexFormat.of();

  private SqlJson() {}

  static byte[] write(SqlResult result) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeArrayFieldStart("columns");
      for (SqlColumn column : result.columns()) {
        json.writeStartObject();
        json.writeStringField("name", column.name());
        json.writeStringField("type", column.typeName());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("rows");
      for (Object[] row : result.rows()) {
        json.writeStartArray();
        for (Object value : row) {
          value(json, value);
        }
        json.writeEndArray();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("stats");
      json.writeNumberField("rows", result.rows().size());
      json.writeNumberField("rowsScanned", result.stats().rowsScanned());
      json.writeNumberField("bytesScanned", result.stats().bytesScanned());
      json.writeNumberField("elapsedMillis", result.stats().elapsedNanos() / 1_000_000);
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void value(JsonGenerator json, Object value) throws IOException {
    if (value == null) {
      json.writeNull();
    } else if (value instanceof String s) {
      json.writeString(s);
    } else if (value instanceof Boolean b) {
      json.writeBoolean(b);
    } else if (value instanceof Double d) {
      number(json, d);
    } else if (value instanceof Float f) {
      number(json, f.doubleValue());
    } else if (value instanceof BigDecimal d) {
      json.writeNumber(d);
    } else if (value instanceof Number n) {
      json.writeNumber(n.longValue());
    } else if (value instanceof byte[] bytes) {
      json.writeString(HEX.formatHex(bytes));
    } else if (value instanceof Map<?, ?> map) {
      json.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.writeFieldName(String.valueOf(entry.getKey()));
        value(json, entry.getValue());
      }
      json.writeEndObject();
    } else if (value instanceof List<?> list) {
      json.writeStartArray();
      for (Object element : list) {
        value(json, element);
      }
      json.writeEndArray();
    } else {
      json.writeString(value.toString());
    }
  }

  private static void number(JsonGenerator json, double d) throws IOException {
    if (Double.isFinite(d)) {
      json.writeNumber(d);
    } else {
      json.writeString(Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
    }
  }

  /** {@code {"status":"error","errorType":...,"error":...,"position":{...}}}. */
  static byte[] error(String errorType, String message, SqlQueryException.Position position) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("status", "error");
      json.writeStringField("errorType", errorType);
      json.writeStringField("error", message);
      if (position != null) {
        json.writeObjectFieldStart("position");
        json.writeNumberField("line", position.line());
        json.writeNumberField("column", position.column());
        json.writeNumberField("endLine", position.endLine());
        json.writeNumberField("endColumn", position.endColumn());
        json.writeEndObject();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
