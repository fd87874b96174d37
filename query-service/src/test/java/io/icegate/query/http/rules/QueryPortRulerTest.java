package io.icegate.query.http.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.runtime.ServiceRuntime;
import io.icegate.query.QueryApplication;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real query service serves the ruler routes of the rules library beside its Loki API
 * (GRAFANA-CALLS.md, "Alert rules"): Grafana sends them to the data source URL, port 3100. The Loki
 * API's catch-all for unknown {@code /loki/api/v1/*} paths must not swallow {@code
 * /loki/api/v1/rules}.
 */
class QueryPortRulerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String GROUP =
      "name: g\nrules:\n    - alert: A\n      expr: count_over_time({job=\"x\"}[1m]) > 0\n";

  @TempDir static Path root;
  static ApplicationContext query;

  @BeforeAll
  static void start() {
    query =
        QueryApplication.start(
            Map.of(
                "micronaut.server.port",
                -1,
                "icegate.storage.type",
                "local",
                "icegate.storage.root",
                root.toString()));
  }

  @AfterAll
  static void stop() {
    query.close();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + ServiceRuntime.httpPort(query) + path);
  }

  @Test
  void servesTheRulerBesideTheLokiApi() throws IOException {
    HttpResponse<String> probe = send(HttpRequest.newBuilder(uri("/api/prom/rules/test/test")));
    assertThat(probe.statusCode()).isEqualTo(404);
    assertThat(probe.body()).contains("group does not exist");

    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(uri("/loki/api/v1/rules/ns"))
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(GROUP)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);

    HttpResponse<String> listed = send(HttpRequest.newBuilder(uri("/loki/api/v1/rules")));
    assertThat(listed.statusCode()).isEqualTo(200);
    assertThat(listed.headers().firstValue("Content-Type").orElse("")).contains("yaml");
    assertThat(listed.body()).startsWith("ns:\n").contains("alert: A");

    HttpResponse<String> state = send(HttpRequest.newBuilder(uri("/prometheus/api/v1/rules")));
    assertThat(state.statusCode()).isEqualTo(200);
    assertThat(state.body()).contains("\"name\":\"A\"", "\"state\":\"inactive\"");

    HttpResponse<String> buildInfo = send(HttpRequest.newBuilder(uri("/api/v1/status/buildinfo")));
    assertThat(buildInfo.body()).contains("\"ruler_config_api\":\"true\"");

    // The Loki API's own answers are unchanged.
    HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/loki/api/v1/nothing")));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("404 page not found: /loki/api/v1/nothing");
    assertThat(send(HttpRequest.newBuilder(uri("/loki/api/v1/status/buildinfo"))).body())
        .contains("\"version\"");
  }
}
