package io.icegate.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad requests, one test per kind of input, answer the REST spec's status codes in Iceberg's error
 * shape with a clear message and no stack trace; after each the service is still healthy and
 * serving.
 */
class RestCatalogErrorsTest {
  @TempDir static Path root;

  private static RestHttp http;

  @BeforeAll
  static void start() {
    http =
        new RestHttp(
            Map.of("icegate.storage.type", "local", "icegate.storage.root", root.toString()));
    assertThat(http.post("/v1/icegate/namespaces", "{\"namespace\":[\"ns\"]}").statusCode())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @AfterEach
  void stillHealthy() {
    http.assertHealthy();
    assertThat(http.get("/v1/icegate/namespaces/ns").statusCode()).isEqualTo(200);
  }

  private static ErrorResponse expect(HttpResponse<String> response, int status, String type) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    ErrorResponse error = RestHttp.error(response);
    assertThat(error.type()).isEqualTo(type);
    return error;
  }

  @Test
  void configAnnouncesPrefixAndEndpoints() {
    HttpResponse<String> response = http.get("/v1/config");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"prefix\":\"icegate\"", "GET /v1/{prefix}/namespaces");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"{\"namespace\": [", "not json", "[\"ns\"]", "42", "{\"namespace\":\"ns\"}", "{}"})
  void malformedJsonIsBadRequest(String body) {
    ErrorResponse error =
        expect(http.post("/v1/icegate/namespaces", body), 400, "BadRequestException");
    assertThat(error.message()).containsAnyOf("Malformed CreateNamespaceRequest", "Invalid");
  }

  @Test
  void missingBodyIsBadRequest() {
    ErrorResponse error =
        expect(http.post("/v1/icegate/namespaces", null), 400, "BadRequestException");
    assertThat(error.message()).isEqualTo("Request body is missing");
  }

  @Test
  void unknownFieldsAreBadRequest() {
    ErrorResponse error =
        expect(
            http.post(
                "/v1/icegate/namespaces",
                "{\"namespace\":[\"typo\"],\"propertes\":{\"owner\":\"me\"}}"),
            400,
            "BadRequestException");
    assertThat(error.message()).isEqualTo("Unknown field 'propertes' in CreateNamespaceRequest");
    expect(
        http.post(
            "/v1/icegate/namespaces/ns/tables",
            "{\"name\":\"t\",\"schema\":" + RestHttp.TABLE_SCHEMA + ",\"stage\":true}"),
        400,
        "BadRequestException");
    expect(http.get("/v1/icegate/namespaces/typo"), 404, "NoSuchNamespaceException");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "POST|/v1/icegate/namespaces|{\"namespace\":[\"\"]}|namespace level: empty",
        "POST|/v1/icegate/namespaces|{\"namespace\":[\"a\\u0000b\"]}|null-byte",
        "POST|/v1/icegate/namespaces|{\"namespace\":[\"a\\nb\"]}|control character",
        "GET|/v1/icegate/namespaces/a%00b|''|null-byte",
        "GET|/v1/icegate/namespaces/a%09b|''|control character",
        "GET|/v1/icegate/namespaces/ns%1F%1Fx|''|namespace level: empty",
        "POST|/v1/icegate/namespaces/ns/tables|{\"name\":\"\",\"schema\":"
            + RestHttp.TABLE_SCHEMA
            + "}|Invalid table name: empty",
        "POST|/v1/icegate/tables/rename|"
            + "{\"source\":{\"namespace\":[\"ns\"],\"name\":\"t\"},"
            + "\"destination\":{\"namespace\":[\"ns\"],\"name\":\"t\\u0007\"}}|control character"
      })
  void invalidIdentifiersAreBadRequest(String method, String path, String body, String message) {
    ErrorResponse error =
        expect(http.send(method, path, body.isEmpty() ? null : body), 400, "BadRequestException");
    assertThat(error.message()).contains(message);
  }

  @Test
  void overlongNamesAreBadRequest() {
    String name = "n".repeat(256);
    ErrorResponse error =
        expect(
            http.post("/v1/icegate/namespaces", "{\"namespace\":[\"" + name + "\"]}"),
            400,
            "BadRequestException");
    assertThat(error.message()).isEqualTo("Invalid namespace level: longer than 255 characters");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "GET|/v1/icegate/namespaces/..|''",
        "GET|/v1/icegate/namespaces/%2E%2E/tables/t|''",
        "GET|/v1/icegate/namespaces/ns/tables/..%2F..%2Fcatalog|''",
        "HEAD|/v1/icegate/namespaces/ns/views/.|''",
        "POST|/v1/icegate/namespaces|{\"namespace\":[\"..\"]}",
        "POST|/v1/icegate/namespaces|{\"namespace\":[\"ns\",\"a/../../b\"]}",
        "POST|/v1/icegate/namespaces/ns/tables|"
            + "{\"name\":\"../../catalog/root\",\"schema\":"
            + RestHttp.TABLE_SCHEMA
            + "}",
        "POST|/v1/icegate/namespaces/ns/register|"
            + "{\"name\":\"..\",\"metadata-location\":\"file:/etc/passwd\"}"
      })
  void pathTraversalNamesAreBadRequest(String method, String path, String body) {
    HttpResponse<String> response = http.send(method, path, body.isEmpty() ? null : body);
    assertThat(response.statusCode()).isEqualTo(400);
    if (!method.equals("HEAD")) {
      ErrorResponse error = RestHttp.error(response);
      assertThat(error.type()).isEqualTo("BadRequestException");
      assertThat(error.message()).contains("'.' and '..' are not allowed as path parts");
    }
    assertThat(http.get("/v1/icegate/namespaces").body()).doesNotContain("..");
  }

  @Test
  void oversizedBodiesArePayloadTooLarge() {
    // 11 MiB: over micronaut.server.max-request-size (10 MiB by default).
    String padding = "x".repeat(11 << 20);
    ErrorResponse error =
        expect(
            http.post(
                "/v1/icegate/namespaces",
                "{\"namespace\":[\"big\"],\"properties\":{\"p\":\"" + padding + "\"}}"),
            413,
            "RequestTooLargeException");
    assertThat(error.message()).contains("exceeds the maximum allowed content length");
    expect(http.get("/v1/icegate/namespaces/big"), 404, "NoSuchNamespaceException");
  }

  @ParameterizedTest
  @CsvSource({
    "DELETE, /v1/icegate/namespaces",
    "PUT, /v1/icegate/namespaces",
    "PATCH, /v1/icegate/namespaces/ns",
    "POST, /v1/config",
    "GET, /v1/icegate/transactions/commit",
    "PUT, /v1/icegate/namespaces/ns/tables/t"
  })
  void wrongMethodsAreNotAllowed(String method, String path) {
    ErrorResponse error = expect(http.send(method, path, null), 405, "MethodNotAllowedException");
    assertThat(error.message()).isNotBlank();
  }

  @Test
  void missingNamespaceIsNotFound() {
    expect(http.get("/v1/icegate/namespaces/nope"), 404, "NoSuchNamespaceException");
  }

  @Test
  void existingNamespaceIsConflict() {
    String body = "{\"namespace\":[\"dup\"],\"properties\":{}}";
    assertThat(http.post("/v1/icegate/namespaces", body).statusCode()).isEqualTo(200);
    expect(http.post("/v1/icegate/namespaces", body), 409, "AlreadyExistsException");
  }

  @Test
  void unknownRoutesAndPrefixesAreNotFound() {
    expect(http.get("/v1/icegate/nothing"), 404, "NotFoundException");
    expect(http.get("/v1/other/namespaces"), 404, "NotFoundException");
    expect(http.get("/v2/anything"), 404, "NotFoundException");
  }
}
