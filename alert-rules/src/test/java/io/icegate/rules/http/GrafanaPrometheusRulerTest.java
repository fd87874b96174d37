package io.icegate.rules.http;

import static io.icegate.rules.http.GrafanaLokiRulerTest.JSON;
import static io.icegate.rules.http.GrafanaLokiRulerTest.YAML;
import static io.icegate.rules.http.RulesServer.contentType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.runtime.IceGateService;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grafana's calls for a Prometheus data source: Mimir mode (buildinfo announces the ruler config
 * API, prefix {@code /config/v1/rules}), Cortex mode ({@code /rules}), and mimirtool's {@code
 * /prometheus/config/v1/rules}. PromQL rules never show on the Loki paths, nor LogQL ones here.
 */
class GrafanaPrometheusRulerTest {
  static final String GROUP =
      """
      name: latency
      interval: 30s
      rules:
          - alert: SlowRequests
            expr: histogram_quantile(0.99, sum by (le) (rate(http_server_duration_bucket[5m]))) > 0.5
            for: 10m
            keep_firing_for: 5m
            labels:
                severity: warn
      limit: 5
      """;
  private static final String[] TENANT = {"X-Scope-OrgID", "grafana-prom"};

  @TempDir static Path root;
  static RulesServer query;
  static RulesServer alert;

  @BeforeAll
  static void start() {
    query = RulesServer.start(IceGateService.QUERY, root, Map.of());
    alert = RulesServer.start(IceGateService.ALERT, root, Map.of());
  }

  @AfterAll
  static void stop() {
    alert.close();
    query.close();
  }

  @Test
  void buildInfoAnnouncesTheRulerConfigApiAsAString() throws Exception {
    for (RulesServer server : List.of(query, alert)) {
      HttpResponse<String> info = server.get("/api/v1/status/buildinfo");
      assertThat(info.statusCode()).isEqualTo(200);
      JsonNode features = JSON.readTree(info.body()).at("/data/features");
      assertThat(features.get("ruler_config_api").isTextual()).isTrue();
      assertThat(features.get("ruler_config_api").asText()).isEqualTo("true");
      assertThat(JSON.readTree(info.body()).at("/data/application").asText())
          .isEqualTo("Grafana Mimir");
      // Any 2xx here would make Grafana classify the source as Thanos.
      assertThat(server.get("/api/v1/status/flags").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void mimirAndCortexModesShareThePromQlRules() throws Exception {
    assertThat(query.get("/config/v1/rules/test/test", TENANT).body())
        .contains("group does not exist");
    assertThat(query.get("/rules/test/test", TENANT).statusCode()).isEqualTo(404);

    HttpResponse<String> created = query.post("/config/v1/rules/svc?subtype=mimir", GROUP, TENANT);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    assertThat(contentType(created)).contains("json");

    for (String prefix : List.of("/config/v1/rules", "/rules", "/prometheus/config/v1/rules")) {
      HttpResponse<String> one = alert.get(prefix + "/svc/latency?subtype=cortex", TENANT);
      assertThat(one.statusCode()).as(prefix).isEqualTo(200);
      assertThat(contentType(one)).contains("yaml");
      JsonNode group = YAML.readTree(one.body());
      assertThat(GrafanaLokiRulerTest.fieldNames(group))
          .containsExactly("name", "interval", "rules", "limit");
      assertThat(GrafanaLokiRulerTest.fieldNames(group.at("/rules/0")))
          .containsExactly("alert", "expr", "for", "keep_firing_for", "labels");
    }

    JsonNode listing =
        JSON.readTree(query.get("/api/v1/rules?rule_group%5B%5D=latency", TENANT).body());
    JsonNode rule = listing.at("/data/groups/0/rules/0");
    assertThat(rule.get("name").asText()).isEqualTo("SlowRequests");
    assertThat(rule.get("keepFiringFor").asDouble()).isEqualTo(300.0);
    assertThat(listing.at("/data/groups/0/interval").asDouble()).isEqualTo(30.0);
    assertThat(JSON.readTree(alert.get("/api/v1/alerts", TENANT).body()).at("/data/alerts"))
        .isEmpty();

    // The Loki paths are another ruler: they do not see PromQL groups.
    assertThat(query.get("/api/prom/rules", TENANT).body().trim()).isEqualTo("{}");
    assertThat(
            JSON.readTree(query.get("/prometheus/api/v1/rules", TENANT).body()).at("/data/groups"))
        .isEmpty();

    assertThat(alert.delete("/rules/svc", TENANT).statusCode()).isEqualTo(202);
    assertThat(JSON.readTree(query.get("/api/v1/rules", TENANT).body()).at("/data/groups"))
        .isEmpty();
  }

  @Test
  void promQlThatCannotParseIsRefusedWithItsPosition() {
    HttpResponse<String> bad =
        query.post("/config/v1/rules/svc", GROUP.replace("[5m])))", "[5m]))"), TENANT);

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("rule 1 (alert SlowRequests): invalid promql expression at line 1, column 83")
        .contains("parse error: unexpected end of input in function call argument list");
  }
}
