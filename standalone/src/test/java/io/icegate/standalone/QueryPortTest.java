package io.icegate.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.runtime.IceGateService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The query port in the all-in-one JVM: it answers SQL and {@code /ready}, no other port does, and
 * it serves none of the other services' endpoints (each context scans the whole classpath, so a
 * missing gate would show up here).
 */
class QueryPortTest {
  @TempDir static Path dataDir;
  private static StandaloneStack stack;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startStack() {
    stack =
        StandaloneStack.start(
            Map.of(
                "icegate.storage.type",
                "local",
                "icegate.storage.root",
                dataDir.toString(),
                "micronaut.server.port",
                -1),
            List.of());
  }

  @AfterAll
  static void stopStack() {
    stack.close();
  }

  @ParameterizedTest
  @EnumSource(IceGateService.class)
  void onlyTheQueryPortAnswersSql(IceGateService service) throws Exception {
    HttpResponse<String> sql = post(service, "/api/v1/sql", "SELECT COUNT(*) AS n FROM logs");

    if (service == IceGateService.QUERY) {
      assertThat(sql.statusCode()).isEqualTo(200);
      assertThat(sql.body()).contains("\"rows\":[[0]]");
    } else {
      assertThat(sql.statusCode()).isEqualTo(404);
    }
  }

  @ParameterizedTest
  @EnumSource(IceGateService.class)
  void onlyTheQueryPortAnswersReady(IceGateService service) throws Exception {
    assertThat(get(service, "/ready").statusCode())
        .isEqualTo(service == IceGateService.QUERY ? 200 : 404);
  }

  @Test
  void queryPortServesNoOtherServicesEndpoints() throws Exception {
    assertThat(get(IceGateService.QUERY, "/v1/config").statusCode()).as("catalog").isEqualTo(404);
    assertThat(post(IceGateService.QUERY, "/v1/logs", "{}").statusCode())
        .as("ingest")
        .isEqualTo(404);
    assertThat(get(IceGateService.QUERY, "/maintain/jobs").statusCode())
        .as("maintain")
        .isEqualTo(404);
    assertThat(get(IceGateService.QUERY, "/info").body()).contains("\"service\":\"query\"");
  }

  private static HttpResponse<String> get(IceGateService service, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(service, path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(IceGateService service, String path, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(service, path))
            .header("Content-Type", path.startsWith("/v1") ? "application/json" : "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(IceGateService service, String path) {
    return URI.create("http://127.0.0.1:" + stack.httpPort(service) + path);
  }
}
