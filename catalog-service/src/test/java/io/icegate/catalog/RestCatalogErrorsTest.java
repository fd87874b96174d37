package io.icegate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.runtime.ServiceRuntime;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.apache.iceberg.rest.responses.ErrorResponseParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad requests answer the REST spec's status codes in Iceberg's error shape. */
class RestCatalogErrorsTest {
  @TempDir static Path root;

  private static ApplicationContext service;
  private static String base;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    service =
        CatalogApplication.start(
            Map.of(
                "micronaut.server.port",
                -1,
                "icegate.storage.type",
                "local",
                "icegate.storage.root",
                root.toString()));
    base = "http://127.0.0.1:" + ServiceRuntime.httpPort(service);
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    request.header("Content-Type", "application/json");
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ErrorResponse error(HttpResponse<String> response) {
    ErrorResponse error = ErrorResponseParser.fromJson(response.body());
    assertThat(error.code()).isEqualTo(response.statusCode());
    return error;
  }

  @Test
  void configAnnouncesPrefixAndEndpoints() throws Exception {
    HttpResponse<String> response = send("GET", "/v1/config", null);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"prefix\":\"icegate\"", "GET /v1/{prefix}/namespaces");
  }

  @Test
  void malformedJsonIsBadRequest() throws Exception {
    HttpResponse<String> response = send("POST", "/v1/icegate/namespaces", "{\"namespace\": [");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(error(response).type()).isEqualTo("BadRequestException");
  }

  @Test
  void missingNamespaceIsNotFound() throws Exception {
    HttpResponse<String> response = send("GET", "/v1/icegate/namespaces/nope", null);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(error(response).type()).isEqualTo("NoSuchNamespaceException");
  }

  @Test
  void existingNamespaceIsConflict() throws Exception {
    String body = "{\"namespace\":[\"dup\"],\"properties\":{}}";
    assertThat(send("POST", "/v1/icegate/namespaces", body).statusCode()).isEqualTo(200);
    HttpResponse<String> response = send("POST", "/v1/icegate/namespaces", body);
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(error(response).type()).isEqualTo("AlreadyExistsException");
  }

  @Test
  void unknownRouteAndPrefixAreNotFound() throws Exception {
    assertThat(error(send("GET", "/v1/icegate/nothing", null)).code()).isEqualTo(404);
    assertThat(error(send("GET", "/v1/other/namespaces", null)).code()).isEqualTo(404);
  }

  @Test
  void wrongMethodIsNotAllowed() throws Exception {
    HttpResponse<String> response = send("DELETE", "/v1/icegate/namespaces", null);
    assertThat(response.statusCode()).isEqualTo(405);
    error(response);
  }
}
