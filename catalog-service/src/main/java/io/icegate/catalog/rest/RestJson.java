package io.icegate.catalog.rest;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.Map;
import org.apache.iceberg.rest.RESTRequest;
import org.apache.iceberg.rest.RESTSerializers;

/**
 * The JSON of the REST catalog: Iceberg's own serializers ({@link RESTSerializers}) on a mapper
 * configured as Iceberg's client configures its own (fields visible, kebab-case names), so every
 * payload reads and writes exactly as Iceberg's clients expect. Unknown top-level fields of a
 * request are refused (see {@link #rejectUnknownFields}).
 */
final class RestJson {
  private final ObjectMapper mapper;

  RestJson() {
    mapper = new ObjectMapper();
    mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
    mapper.setPropertyNamingStrategy(new PropertyNamingStrategies.KebabCaseStrategy());
    mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    RESTSerializers.registerAll(mapper);
  }

  /**
   * Reads and validates a request body; malformed or invalid bodies, unknown top-level fields and
   * invalid names ({@link RestNames}) are a bad request.
   */
  <T extends RESTRequest> T read(byte[] body, Class<T> type) {
    if (body == null || body.length == 0) {
      throw new BadRequest("Request body is missing");
    }
    JsonNode tree;
    T request;
    try {
      tree = mapper.readTree(body);
      if (tree == null || !tree.isObject()) {
        throw new BadRequest("Malformed " + type.getSimpleName() + ": not a JSON object");
      }
      request = mapper.treeToValue(tree, type);
    } catch (BadRequest e) {
      throw e;
    } catch (java.io.IOException | RuntimeException e) {
      throw new BadRequest("Malformed " + type.getSimpleName() + ": " + firstLine(e.getMessage()));
    }
    if (request == null) {
      throw new BadRequest("Request body is missing");
    }
    try {
      request.validate();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new BadRequest("Invalid " + type.getSimpleName() + ": " + e.getMessage());
    }
    rejectUnknownFields(tree, request, type);
    RestNames.checkRequest(request);
    return request;
  }

  /**
   * Iceberg's parsers skip fields they do not know, so a misspelt field would silently be lost
   * (e.g. {@code "propertes"} creating a namespace without its properties). A field is known when
   * writing the parsed request back with the same serializers produces it; empty values ({@code
   * null}, {} and []) are not checked, since serializers may leave them out.
   */
  private void rejectUnknownFields(JsonNode tree, Object request, Class<?> type) {
    JsonNode written = mapper.valueToTree(request);
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      JsonNode value = field.getValue();
      boolean empty = value.isNull() || (value.isContainerNode() && value.isEmpty());
      if (!empty && !written.has(field.getKey())) {
        throw new BadRequest("Unknown field '" + field.getKey() + "' in " + type.getSimpleName());
      }
    }
  }

  byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** A request the server refuses before reaching the catalog: HTTP 400. */
  static final class BadRequest extends IllegalArgumentException {
    BadRequest(String message) {
      super(message);
    }
  }
}
