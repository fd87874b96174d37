package io.icegate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.runtime.ServiceRuntime;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.apache.iceberg.rest.responses.ErrorResponseParser;

/** A running catalog-service and plain HTTP calls to it, for tests of the wire format. */
final class RestHttp implements AutoCloseable {
  static final String TABLE_SCHEMA =
      "{\"type\":\"struct\",\"schema-id\":0,\"fields\":"
          + "[{\"id\":1,\"name\":\"x\",\"required\":false,\"type\":\"long\"}]}";

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private final ApplicationContext service;
  private final String base;
  private final String rootLocation;

  /** A service on a local folder; {@code configuration} must name it. */
  RestHttp(Map<String, Object> configuration) {
    this(configuration, "");
  }

  /** A service with {@code configuration}, whose lake root URI is {@code rootLocation}. */
  RestHttp(Map<String, Object> configuration, String rootLocation) {
    this.rootLocation = rootLocation;
    Map<String, Object> all = new HashMap<>(configuration);
    all.put("micronaut.server.port", -1);
    service = CatalogApplication.start(all);
    base = "http://127.0.0.1:" + ServiceRuntime.httpPort(service);
  }

  String base() {
    return base;
  }

  String rootLocation() {
    return rootLocation;
  }

  HttpResponse<String> send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    request.header("Content-Type", "application/json");
    if (headers.length > 0) {
      request.headers(headers);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  HttpResponse<String> post(String path, String body) {
    return send("POST", path, body);
  }

  /** The answer as Iceberg's ErrorResponse, checked to carry the HTTP status as its code. */
  static ErrorResponse error(HttpResponse<String> response) {
    ErrorResponse error = ErrorResponseParser.fromJson(response.body());
    assertThat(error.code()).isEqualTo(response.statusCode());
    assertThat(error.message()).isNotBlank();
    assertThat(response.body()).doesNotContain("\tat ", "Exception:");
    return error;
  }

  /** Asserts the service is alive and still answers catalog calls. */
  void assertHealthy() {
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(get("/v1/config").statusCode()).isEqualTo(200);
  }

  @Override
  public void close() {
    service.close();
  }
}
