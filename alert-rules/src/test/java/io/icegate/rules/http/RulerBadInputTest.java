package io.icegate.rules.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.runtime.IceGateService;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad rules and hostile names: a clear 400 in plain text, and nothing stored. */
class RulerBadInputTest {
  private static final String VALID =
      "name: g\nrules:\n  - alert: A\n    expr: count_over_time({job=\"x\"}[1m]) > 0\n";

  @TempDir static Path root;
  static RulesServer server;

  @BeforeAll
  static void start() {
    server =
        RulesServer.start(IceGateService.QUERY, root, Map.of("icegate.rules.max-file-bytes", 2048));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void assertRefused(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(RulesServer.contentType(response)).startsWith("text/plain");
    assertThat(response.body()).contains(message).doesNotContain("\tat ", "Exception");
    assertThat(server.storedKeys()).isEmpty();
  }

  @Test
  void malformedYaml() {
    assertRefused(
        server.post("/api/prom/rules/ns", "name: g\n  rules: : [\n"),
        "Cannot parse rule group: malformed YAML");
  }

  @Test
  void unknownField() {
    assertRefused(
        server.post("/api/prom/rules/ns", VALID + "labels:\n  team: a\n"),
        "field 'labels' not found in a rule group");
  }

  @Test
  void invalidExpressionNamesThePosition() {
    assertRefused(
        server.post("/api/prom/rules/ns", VALID.replace("[1m]) > 0", "[1m]) >")),
        "invalid logql expression at line 1, column ");
  }

  @Test
  void oversizeBody() {
    String big = VALID + "    annotations:\n      text: " + "x".repeat(3000) + "\n";
    assertRefused(
        server.post("/api/prom/rules/ns", big),
        "more than the limit of 2048 (icegate.rules.max-file-bytes)");
  }

  @Test
  void postWithoutANamespace() {
    assertRefused(server.post("/api/prom/rules/ns/g", VALID), "POST one rule group");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/prom/rules/..",
        "/api/prom/rules/%2E%2E",
        "/api/prom/rules/a%2Fb",
        "/api/prom/rules/a%5Cb",
        "/api/prom/rules/a%00b",
        "/api/prom/rules/a%0Ab",
        "/api/prom/rules/a%1Bb",
        "/api/prom/rules/%C3%28",
        "/api/prom/rules/a/b",
        "/loki/api/v1/rules/ns/..%2F..%2Fetc"
      })
  void hostileNames(String path) {
    HttpResponse<String> response = server.post(path, VALID);

    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
    assertThat(response.body()).startsWith("Cannot accept rules: ");
    assertThat(server.storedKeys()).isEmpty();
  }

  @Test
  void postToTheRootIsNotAllowed() {
    assertThat(server.post("/api/prom/rules/", VALID).statusCode()).isEqualTo(405);
    assertThat(server.post("/api/prom/rules", VALID).statusCode()).isEqualTo(405);
    assertThat(server.storedKeys()).isEmpty();
  }

  @Test
  void hostileNamesOnReadsAndDeletes() {
    HttpResponse<String> get = server.get("/api/prom/rules/ok/a%2F..%2F..%2Fx");
    assertThat(get.statusCode()).isEqualTo(400);
    assertThat(get.body()).contains("invalid group name 'a/../../x': contains '/' at 1");
    assertThat(server.delete("/api/prom/rules/..%5C..").statusCode()).isEqualTo(400);
  }

  @Test
  void hostileGroupNameInsideTheBody() {
    assertRefused(
        server.post("/api/prom/rules/ns", VALID.replace("name: g", "name: \"../x\"")),
        "invalid group name '../x': contains '/'");
  }
}
