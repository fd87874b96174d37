package io.icegate.ingest.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Decodes OTLP/JSON request bodies as the OTLP specification defines them ("JSON Protobuf
 * Encoding"): the protobuf JSON mapping (lowerCamelCase or original field names, int64 as string or
 * number, enums by name or number, unknown fields ignored) except that trace and span ids are hex
 * strings, not base64. Protobuf's {@link JsonFormat} reads bytes as base64, so the ids at their
 * known places are rewritten from hex to base64 in the JSON tree first.
 *
 * <p>Every problem with the body as a whole throws {@link OtlpDecodeException} naming it and, for
 * ids, its JSON path. An id of valid hex but the wrong length decodes; the mappers then reject that
 * one record.
 */
public final class OtlpJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

  // Protobuf's JSON parser stops at 100 message levels (not configurable): AnyValues nested more
  // than ~32 (kvlists) to ~48 (arrays) deep fail the whole request here, as binary protobuf does.
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private static final List<String> METRIC_TYPES =
      List.of("gauge", "sum", "histogram", "exponentialHistogram", "summary");

  private OtlpJson() {}

  public static ExportLogsServiceRequest decodeLogs(byte[] body) {
    ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
    decode(body, "logs", request, OtlpJson::logIds);
    return request.build();
  }

  public static ExportTraceServiceRequest decodeTraces(byte[] body) {
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    decode(body, "traces", request, OtlpJson::spanIds);
    return request.build();
  }

  public static ExportMetricsServiceRequest decodeMetrics(byte[] body) {
    ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
    decode(body, "metrics", request, OtlpJson::exemplarIds);
    return request.build();
  }

  private static void decode(
      byte[] body, String signal, Message.Builder request, Consumer<ObjectNode> hexIds) {
    String what = "Cannot decode OTLP/JSON " + signal + " request: ";
    JsonNode tree;
    try {
      tree = MAPPER.readTree(body);
    } catch (StreamConstraintsException e) {
      // Jackson's own depth limit (1,000 levels) has no location to report.
      throw new OtlpDecodeException(what + OtlpDecodeException.tooDeep(), e);
    } catch (JsonProcessingException e) {
      throw new OtlpDecodeException(
          what
              + "invalid JSON at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new OtlpDecodeException(what + "unreadable body: " + e.getMessage(), e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new OtlpDecodeException(what + "the body is empty");
    }
    if (!tree.isObject()) {
      throw new OtlpDecodeException(
          what
              + "the body must be a JSON object, not "
              + tree.getNodeType().name().toLowerCase(Locale.ROOT));
    }
    try {
      hexIds.accept((ObjectNode) tree);
    } catch (OtlpDecodeException e) {
      throw new OtlpDecodeException(what + e.getMessage(), e);
    }
    try {
      PARSER.merge(MAPPER.writeValueAsString(tree), request);
    } catch (InvalidProtocolBufferException | JsonProcessingException e) {
      String problem =
          e instanceof InvalidProtocolBufferException invalid
                  && OtlpDecodeException.isTooDeep(invalid)
              ? OtlpDecodeException.tooDeep()
              : e.getMessage();
      throw new OtlpDecodeException(what + problem, e);
    }
  }

  private static void logIds(ObjectNode request) {
    HexIdRewriter.rewrite(request, "resourceLogs[].scopeLogs[].logRecords[]", "traceId", "spanId");
  }

  private static void spanIds(ObjectNode request) {
    String spans = "resourceSpans[].scopeSpans[].spans[]";
    HexIdRewriter.rewrite(request, spans, "traceId", "spanId", "parentSpanId");
    HexIdRewriter.rewrite(request, spans + ".links[]", "traceId", "spanId");
  }

  private static void exemplarIds(ObjectNode request) {
    for (String type : METRIC_TYPES) {
      HexIdRewriter.rewrite(
          request,
          "resourceMetrics[].scopeMetrics[].metrics[]." + type + ".dataPoints[].exemplars[]",
          "traceId",
          "spanId");
    }
  }
}
