package io.icegate.query.http.loki;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.icegate.query.logql.metric.MetricResult;
import io.icegate.query.loki.LogEntry;
import io.icegate.query.loki.LokiResult;
import io.icegate.query.loki.LokiStreams;
import io.icegate.query.loki.QueryStats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loki's JSON answers ({@code docs/sources/reference/loki-http-api.md}), written by hand; {@link
 * #write} and {@link #error} serve every Loki endpoint, the sub-packages' too.
 */
public final class LokiJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private LokiJson() {}

  /** Writes one JSON document. */
  @FunctionalInterface
  public interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  public static byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      body.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code {"status":"error","errorType":...,"error":...}}. */
  public static byte[] error(String type, String message) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("status", "error");
          json.writeStringField("errorType", type);
          json.writeStringField("error", message);
          json.writeEndObject();
        });
  }

  /** {@code {"status":"success","data":"<text>"}} ({@code format_query}). */
  static byte[] formatted(String text) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("status", "success");
          json.writeStringField("data", text);
          json.writeEndObject();
        });
  }

  /** {@code /loki/api/v1/status/buildinfo}, in Loki's shape. */
  static byte[] buildInfo() {
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("version", "3.0.0");
          json.writeStringField("revision", "icegate");
          json.writeStringField("branch", "");
          json.writeStringField("buildUser", "");
          json.writeStringField("buildDate", "");
          json.writeStringField("goVersion", "");
          json.writeEndObject();
        });
  }

  /** {@code {"status":"success","data":[...]}} of label names or values. */
  static byte[] strings(Collection<String> values) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("status", "success");
          json.writeArrayFieldStart("data");
          for (String value : values) {
            json.writeString(value);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /** {@code {"status":"success","data":[{label set}, ...]}} of series. */
  static byte[] series(Collection<? extends Map<String, String>> series) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("status", "success");
          json.writeArrayFieldStart("data");
          for (Map<String, String> labels : series) {
            writeLabels(json, labels);
          }
          json.writeEndArray();
          json.writeEndObject();
        });
  }

  /**
   * The answer of {@code query} and {@code query_range}: streams, or a matrix, vector or scalar.
   */
  public static byte[] result(LokiResult result) {
    if (result instanceof LokiResult.Streams streams) {
      return streams(streams.streams(), streams.stats());
    }
    LokiResult.Metric metric = (LokiResult.Metric) result;
    return metric(metric.result(), metric.stats());
  }

  static byte[] streams(LokiStreams result, QueryStats stats) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("status", "success");
          json.writeObjectFieldStart("data");
          json.writeStringField("resultType", "streams");
          json.writeArrayFieldStart("result");
          for (LokiStreams.Stream stream : result.streams()) {
            json.writeStartObject();
            json.writeFieldName("stream");
            writeLabels(json, stream.labels());
            json.writeArrayFieldStart("values");
            for (LogEntry entry : stream.entries()) {
              json.writeStartArray();
              json.writeString(Long.toString(entry.timestampNanos()));
              json.writeString(entry.line());
              if (result.categorized()) {
                json.writeStartObject();
                if (!entry.structuredMetadata().isEmpty()) {
                  json.writeFieldName("structuredMetadata");
                  writeLabels(json, entry.structuredMetadata());
                }
                if (!entry.parsed().isEmpty()) {
                  json.writeFieldName("parsed");
                  writeLabels(json, entry.parsed());
                }
                json.writeEndObject();
              }
              json.writeEndArray();
            }
            json.writeEndArray();
            json.writeEndObject();
          }
          json.writeEndArray();
          writeStats(json, stats, result.entryCount());
          if (result.categorized()) {
            json.writeArrayFieldStart("encodingFlags");
            json.writeString("categorize-labels");
            json.writeEndArray();
          }
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  /** {@code {"status":"success","data":{"resultType":"vector"|"matrix"|"scalar",...}}}. */
  static byte[] metric(MetricResult result, QueryStats stats) {
    return write(
        json -> {
          json.writeStartObject();
          json.writeStringField("status", "success");
          json.writeObjectFieldStart("data");
          MetricJson.writeFields(result, json);
          writeStats(json, stats, 0);
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  /** Loki's sample time: float seconds, as Prometheus writes them ({@code 1588889221.5}). */
  public static void writeSeconds(JsonGenerator json, long nanos) throws IOException {
    if (nanos % 1_000_000_000L == 0) {
      json.writeNumber(nanos / 1_000_000_000L);
    } else {
      json.writeNumber(new BigDecimal(nanos).movePointLeft(9).stripTrailingZeros());
    }
  }

  static void writeLabels(JsonGenerator json, Map<String, String> labels) throws IOException {
    json.writeStartObject();
    for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
      json.writeStringField(label.getKey(), label.getValue());
    }
    json.writeEndObject();
  }

  private static void writeStats(JsonGenerator json, QueryStats stats, int entries)
      throws IOException {
    double seconds = Math.max(stats.execNanos(), 1) / 1e9;
    json.writeObjectFieldStart("stats");
    json.writeObjectFieldStart("summary");
    json.writeNumberField("bytesProcessedPerSecond", (long) (stats.bytesProcessed() / seconds));
    json.writeNumberField("linesProcessedPerSecond", (long) (stats.linesProcessed() / seconds));
    json.writeNumberField("totalBytesProcessed", stats.bytesProcessed());
    json.writeNumberField("totalLinesProcessed", stats.linesProcessed());
    json.writeNumberField("execTime", stats.execNanos() / 1e9);
    json.writeNumberField("queueTime", 0);
    json.writeNumberField("subqueries", 0);
    json.writeNumberField("totalEntriesReturned", entries);
    json.writeNumberField("splits", 0);
    json.writeNumberField("shards", 0);
    json.writeNumberField("totalPostFilterLines", stats.entriesReturned());
    json.writeNumberField("totalStructuredMetadataBytesProcessed", 0);
    json.writeEndObject();
    json.writeObjectFieldStart("querier");
    json.writeObjectFieldStart("store");
    json.writeNumberField("totalChunksRef", 0);
    json.writeNumberField("totalChunksDownloaded", 0);
    json.writeObjectFieldStart("chunk");
    json.writeNumberField("compressedBytes", stats.bytesScanned());
    json.writeNumberField("decompressedBytes", stats.bytesProcessed());
    json.writeNumberField("decompressedLines", stats.rowsScanned());
    json.writeNumberField("postFilterLines", stats.entriesReturned());
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
  }
}
