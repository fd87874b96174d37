package io.icegate.standalone;

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
import org.junit.jupiter.api.io.TempDir;

/**
 * The all-in-one stack for a test class: started once per class over a fresh local data directory
 * (a class's tests may write, so classes do not share one), plus plain HTTP to its ports.
 */
abstract class StandaloneStackFixture {
  @TempDir static Path dataDir;
  static StandaloneStack stack;
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

  static URI uri(IceGateService service, String path) {
    return URI.create("http://127.0.0.1:" + stack.httpPort(service) + path);
  }

  static HttpResponse<String> get(IceGateService service, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(service, path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(
      IceGateService service, String path, String contentType, String body) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri(service, path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
