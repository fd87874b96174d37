package io.icegate.catalog.rest;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.apache.iceberg.rest.RESTRequest;
import org.apache.iceberg.rest.RESTSerializers;

/**
 * The JSON of the REST catalog: Iceberg's own serializers ({@link RESTSerializers}) on a mapper
 * configured as Iceberg's client configures its own (fields visible, kebab-case names, unknown
 * fields ignored), so every payload reads and writes exactly as Iceberg's clients expect.
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

  /** Reads and validates a request body; malformed or invalid bodies are a bad request. */
  <T extends RESTRequest> T read(byte[] body, Class<T> type) {
    if (body == null || body.length == 0) {
      throw new BadRequest("Request body is missing");
    }
    T request;
    try {
      request = mapper.readValue(body, type);
    } catch (java.io.IOException | RuntimeException e) {
      throw new BadRequest("Malformed " + type.getSimpleName() + ": " + firstLine(e.getMessage()));
    }
    if (request == null) {
      throw new BadRequest("Request body is missing");
    }
    request.validate();
    return request;
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
