package io.icegate.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.exceptions.NotAuthorizedException;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** With {@code icegate.auth.tokens} set, every endpoint but health needs a valid bearer token. */
class RestAuthTest {
  private static final String TOKEN = "s3cr3t-token-1";

  @TempDir static Path root;

  private static RestHttp http;

  @BeforeAll
  static void start() {
    http =
        new RestHttp(
            Map.of(
                "icegate.storage.type",
                "local",
                "icegate.storage.root",
                root.toString(),
                "icegate.auth.tokens." + TOKEN,
                "*",
                "icegate.auth.tokens.other-token",
                "tenant-a"));
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /v1/config",
    "GET, /v1/icegate/namespaces",
    "POST, /v1/icegate/namespaces",
    "HEAD, /v1/icegate/namespaces/ns",
    "DELETE, /v1/icegate/namespaces/ns",
    "GET, /v1/icegate/namespaces/ns/tables/t",
    "POST, /v1/icegate/transactions/commit",
    "PUT, /v1/icegate/namespaces",
    "GET, /v1/other/namespaces",
    "GET, /nowhere",
    "GET, /info",
    "GET, /metrics"
  })
  void everyEndpointButHealthNeedsAValidToken(String method, String path) {
    String body = method.equals("POST") || method.equals("PUT") ? "{}" : null;
    for (HttpResponse<String> response :
        List.of(
            http.send(method, path, body),
            http.send(method, path, body, "Authorization", "Bearer wrong"),
            http.send(method, path, body, "Authorization", "Basic " + TOKEN),
            http.send(method, path, body, "Authorization", "Bearer " + TOKEN + "x"))) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
      if (!method.equals("HEAD")) {
        ErrorResponse error = RestHttp.error(response);
        assertThat(error.type()).isEqualTo("NotAuthorizedException");
        assertThat(error.message()).startsWith("Not authorized");
      }
    }
  }

  @Test
  void healthNeedsNoToken() {
    assertThat(http.get("/health").statusCode()).isEqualTo(200);
    assertThat(http.get("/health/liveness").statusCode()).isEqualTo(200);
    assertThat(http.get("/health/readiness").statusCode()).isEqualTo(200);
  }

  @Test
  void validTokensAreServed() {
    assertThat(
            http.send("GET", "/v1/config", null, "Authorization", "Bearer " + TOKEN).statusCode())
        .isEqualTo(200);
    assertThat(http.send("GET", "/info", null, "Authorization", "bearer other-token").statusCode())
        .isEqualTo(200);
  }

  @Test
  void icebergClientWorksWithItsTokenAndFailsWithout() throws Exception {
    try (RESTCatalog client = new RESTCatalog()) {
      client.initialize("rest", Map.of(CatalogProperties.URI, http.base(), "token", TOKEN));
      client.createNamespace(Namespace.of("authorized"));
      assertThat(client.listNamespaces()).containsExactly(Namespace.of("authorized"));
    }
    try (RESTCatalog client = new RESTCatalog()) {
      assertThatThrownBy(
              () -> client.initialize("rest", Map.of(CatalogProperties.URI, http.base())))
          .isInstanceOf(NotAuthorizedException.class)
          .hasMessageContaining("Not authorized");
    }
  }
}
