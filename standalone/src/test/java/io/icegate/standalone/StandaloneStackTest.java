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

class StandaloneStackTest {
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
  void eachPortServesOnlyItsOwnService(IceGateService service) throws Exception {
    HttpResponse<String> info = get(service, "/info");

    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(info.body()).contains("\"service\":\"" + service.id() + "\"");
  }

  @ParameterizedTest
  @EnumSource(IceGateService.class)
  void everyServiceIsLiveAndReady(IceGateService service) throws Exception {
    for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
      HttpResponse<String> health = get(service, path);

      assertThat(health.statusCode()).as(path).isEqualTo(200);
      assertThat(health.body()).as(path).contains("\"status\":\"UP\"");
    }
  }

  @ParameterizedTest
  @EnumSource(IceGateService.class)
  void everyServiceServesPrometheusMetrics(IceGateService service) throws Exception {
    HttpResponse<String> metrics = get(service, "/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge");
  }

  @Test
  void servicesListenOnDistinctPorts() {
    assertThat(List.of(IceGateService.values()).stream().map(stack::httpPort).distinct().count())
        .isEqualTo(IceGateService.values().length);
  }

  @ParameterizedTest
  @EnumSource(IceGateService.class)
  void onlyIngestTakesOtlp(IceGateService service) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + stack.httpPort(service) + "/v1/logs");
    String log =
        "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"hi\"}}]}]}]}";
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(log))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(service == IceGateService.INGEST ? 200 : 404);
  }

  private static HttpResponse<String> get(IceGateService service, String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + stack.httpPort(service) + path);
    return HTTP.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
