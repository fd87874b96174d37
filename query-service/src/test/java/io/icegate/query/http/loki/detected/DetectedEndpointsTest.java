package io.icegate.query.http.loki.detected;

import static io.icegate.query.http.loki.LokiClient.assertBadData;
import static io.icegate.query.http.loki.index.SdkLogs.get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.wal.WalSignal;
import io.icegate.query.LakeStack;
import io.icegate.query.http.loki.LokiClient.Reply;
import io.icegate.query.http.loki.index.SdkLogs;
import io.icegate.query.http.loki.index.SdkLogs.Line;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detected_labels}, {@code detected_fields}, {@code detected_field/{name}/values} and {@code
 * patterns}, asked as Grafana asks them, over JSON, logfmt and plain lines sent through the
 * OpenTelemetry SDK (part shifted into Iceberg). Tenant "evil" has its own fields; none may show.
 */
class DetectedEndpointsTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  static final List<Line> CHECKOUT =
      List.of(
          new Line(
              T0,
              "{\"status\":200,\"duration\":\"15ms\",\"msg\":\"paid\",\"user\":{\"id\":\"u1\"}}",
              "/pay"),
          new Line(
              T0.plusSeconds(10),
              "{\"status\":500,\"duration\":\"1.5s\",\"msg\":\"failed\",\"user\":{\"id\":\"u2\"},\"tags\":[1]}",
              "/pay"),
          new Line(
              T0.plusSeconds(20),
              "level=info latency=0.25 ok=true size=10KB msg=\"slow pay\"",
              "/cart"));

  @TempDir static Path root;
  private static LakeStack stack;

  @BeforeAll
  static void start() {
    stack = LakeStack.start(root, Map.of());
    SdkLogs.send(stack, "acme", "checkout", "prod", CHECKOUT.subList(0, 2));
    stack.shift(WalSignal.LOGS);
    SdkLogs.send(stack, "acme", "checkout", "prod", CHECKOUT.subList(2, 3));
    SdkLogs.send(
        stack, "acme", "cart", "dev", List.of(new Line(T0.plusSeconds(30), "cart 0", null)));
    SdkLogs.send(
        stack,
        "evil",
        "checkout",
        "staging",
        List.of(new Line(T0.plusSeconds(5), "{\"secret_key\":\"TOPSECRET\"}", "/evil")));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static String[] range(String... more) {
    return SdkLogs.range(T0.minusSeconds(60), T0.plusSeconds(300), more);
  }

  @Test
  void detectedLabelsWithCardinality() {
    Reply labels = get(stack, "acme", "/loki/api/v1/detected_labels", range());
    assertThat(labels.status()).isEqualTo(200);
    assertThat(labels.json().toString())
        .isEqualTo(
            "{\"detectedLabels\":[{\"label\":\"deployment_environment\",\"cardinality\":2},"
                + "{\"label\":\"service_name\",\"cardinality\":2}]}");
    Reply cart =
        get(
            stack,
            "acme",
            "/loki/api/v1/detected_labels",
            range("query", "{service_name=\"cart\"}"));
    assertThat(cart.json().toString())
        .isEqualTo(
            "{\"detectedLabels\":[{\"label\":\"deployment_environment\",\"cardinality\":1},"
                + "{\"label\":\"service_name\",\"cardinality\":1}]}");
  }

  @Test
  void detectedFieldsFromParsedLinesAndStructuredMetadata() {
    Reply answer =
        get(
            stack,
            "acme",
            "/loki/api/v1/detected_fields",
            range("query", "{service_name=\"checkout\"}", "limit", "1000"));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    List<String> top = new ArrayList<>();
    answer.json().fieldNames().forEachRemaining(top::add);
    assertThat(top).containsExactly("fields", "limit");
    assertThat(answer.json().get("limit").asInt()).isEqualTo(1000);
    Map<String, String> fields = new TreeMap<>();
    for (JsonNode field : answer.json().get("fields")) {
      assertThat(field.size()).isEqualTo(4);
      fields.put(
          field.get("label").asText(),
          field.get("type").asText()
              + "/"
              + field.get("cardinality").asInt()
              + "/"
              + field.get("parsers"));
    }
    // From JSON lines (type of the newest value; nested keys joined with _; arrays skipped).
    assertThat(fields).containsEntry("status", "int/2/[\"json\"]");
    assertThat(fields).containsEntry("duration", "duration/2/[\"json\"]");
    assertThat(fields).containsEntry("user_id", "string/2/[\"json\"]");
    assertThat(fields).doesNotContainKey("tags");
    // msg is in both JSON lines and the logfmt line: three values, both parsers.
    assertThat(fields).containsEntry("msg", "string/3/[\"json\",\"logfmt\"]");
    // From the logfmt line.
    assertThat(fields).containsEntry("latency", "float/1/[\"logfmt\"]");
    assertThat(fields).containsEntry("ok", "boolean/1/[\"logfmt\"]");
    assertThat(fields).containsEntry("size", "bytes/1/[\"logfmt\"]");
    assertThat(fields).containsEntry("level", "string/1/[\"logfmt\"]");
    // Structured metadata: no parser.
    assertThat(fields).containsEntry("http_route", "string/2/null");
    assertThat(fields).containsEntry("detected_level", "string/1/null");
    assertThat(fields).containsEntry("severity_text", "string/1/null");
    assertThat(fields).doesNotContainKeys("service_name", "secret_key");
  }

  @Test
  void lineLimitSamplesTheNewestLines() {
    Reply newest =
        get(
            stack,
            "acme",
            "/loki/api/v1/detected_fields",
            range("query", "{service_name=\"checkout\"}", "line_limit", "1"));
    List<String> labels = new ArrayList<>();
    newest.json().get("fields").forEach(f -> labels.add(f.get("label").asText()));
    assertThat(labels).contains("latency", "ok", "size").doesNotContain("status", "user_id");
    Reply fieldLimit =
        get(
            stack,
            "acme",
            "/loki/api/v1/detected_fields",
            range("query", "{service_name=\"checkout\"}", "limit", "2"));
    assertThat(fieldLimit.json().get("fields")).hasSize(2);
    assertThat(fieldLimit.json().get("limit").asInt()).isEqualTo(2);
  }

  @Test
  void detectedFieldValues() {
    Reply status =
        get(
            stack,
            "acme",
            "/loki/api/v1/detected_field/status/values",
            range("query", "{service_name=\"checkout\"}"));
    assertThat(status.status()).isEqualTo(200);
    assertThat(status.json().toString()).isEqualTo("{\"values\":[\"200\",\"500\"],\"limit\":1000}");
    Reply route =
        get(
            stack,
            "acme",
            "/loki/api/v1/detected_field/http_route/values",
            range("query", "{service_name=~\".+\"}"));
    assertThat(route.json().get("values").toString()).isEqualTo("[\"/cart\",\"/pay\"]");
    Reply none =
        get(
            stack,
            "acme",
            "/loki/api/v1/detected_field/nope/values",
            range("query", "{service_name=~\".+\"}"));
    assertThat(none.json().get("values").size()).isZero();
  }

  @Test
  void patternsAnswerAnHonestEmptyList() {
    Reply patterns =
        get(stack, "acme", "/loki/api/v1/patterns", range("query", "{service_name=\"checkout\"}"));
    assertThat(patterns.status()).isEqualTo(200);
    assertThat(patterns.text()).isEqualTo("{\"status\":\"success\",\"data\":[]}");
  }

  @Test
  void noEndpointShowsAnotherTenantsData() {
    for (String path :
        List.of(
            "/loki/api/v1/detected_labels",
            "/loki/api/v1/detected_fields",
            "/loki/api/v1/detected_field/secret_key/values",
            "/loki/api/v1/detected_field/http_route/values")) {
      Reply acme = get(stack, "acme", path, range("query", "{service_name=~\".+\"}"));
      assertThat(acme.status()).isEqualTo(200);
      assertThat(acme.text())
          .doesNotContain("secret")
          .doesNotContain("TOPSECRET")
          .doesNotContain("/evil");
    }
    Reply evil =
        get(
            stack,
            "evil",
            "/loki/api/v1/detected_field/http_route/values",
            range("query", "{service_name=~\".+\"}"));
    assertThat(evil.json().get("values").toString()).isEqualTo("[\"/evil\"]");
    Reply evilLabels = get(stack, "evil", "/loki/api/v1/detected_labels", range());
    assertThat(evilLabels.text()).doesNotContain("cardinality\":2");
  }

  @Test
  void badInputIsRefusedInLokisErrorShape() {
    assertBadData(
        get(stack, "acme", "/loki/api/v1/detected_fields", range()),
        400,
        "query parameter is required");
    assertBadData(
        get(
            stack,
            "acme",
            "/loki/api/v1/detected_fields",
            range("query", "{service_name=\"checkout\"}", "line_limit", "lots")),
        400,
        "is not an integer");
    assertBadData(
        get(
            stack,
            "acme",
            "/loki/api/v1/detected_fields",
            range("query", "{service_name=\"checkout\"}", "line_limit", "100000")),
        400,
        "line_limit, at most 5000");
    assertBadData(
        get(stack, "acme", "/loki/api/v1/detected_labels", range("query", "{service_name=~\"(\"}")),
        400,
        "error parsing regexp");
    assertBadData(
        get(stack, "acme", "/loki/api/v1/patterns", range()), 400, "query parameter is required");
    assertThat(get(stack, "acme", "/loki/api/v1/detected_labels", range()).status()).isEqualTo(200);
  }
}
