package io.icegate.rules.http;

import static io.icegate.rules.http.RulesServer.contentType;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.icegate.lake.runtime.IceGateService;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grafana's calls for a Loki data source (GRAFANA-CALLS.md, "Alert rules"), replayed as its backend
 * sends them, against the query and the alert context over one lake: what one port creates, the
 * other lists.
 */
class GrafanaLokiRulerTest {
  static final YAMLMapper YAML = new YAMLMapper();
  static final JsonMapper JSON = new JsonMapper();

  /** Exactly the body Grafana's ruler POST carries (Go yaml.v3, 4-space indent, |- blocks). */
  static final String GRAFANA_GROUP =
      """
      name: errors
      interval: 1m
      rules:
          - alert: HighErrorRate
            expr: |-
              sum by (service_name) (
                rate({service_name="api"} |= "error" [5m])
              ) > 10
            for: 5m
            labels:
                severity: page
            annotations:
                summary: Too many errors
          - record: service:errors:rate5m
            expr: sum(rate({service_name="api"} |= "error" [5m]))
      """;

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

  private static final String[] TENANT = {"X-Scope-OrgID", "grafana-loki"};

  @Test
  void grafanaManagesLokiRulesEndToEnd() throws Exception {
    // Discovery, step A: the state listing answers 200 JSON, with "groups": [] when empty.
    HttpResponse<String> state = query.get("/prometheus/api/v1/rules", TENANT);
    assertThat(state.statusCode()).isEqualTo(200);
    assertThat(contentType(state)).contains("json");
    assertThat(JSON.readTree(state.body()).at("/data/groups").isArray()).isTrue();
    assertThat(JSON.readTree(state.body()).at("/data/groups")).isEmpty();

    // Step B, the ruler probe (no query string): 404 "group does not exist" means editable.
    HttpResponse<String> probe = query.get("/api/prom/rules/test/test", TENANT);
    assertThat(probe.statusCode()).isEqualTo(404);
    assertThat(probe.body()).contains("group does not exist");

    // No rules yet: a YAML {} (never an empty 200 body).
    HttpResponse<String> empty = query.get("/api/prom/rules?subtype=mimir", TENANT);
    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(contentType(empty)).contains("yaml");
    assertThat(empty.body().trim()).isEqualTo("{}");

    // Create: POST without a Content-Type; the answer is JSON.
    HttpResponse<String> created =
        query.post("/api/prom/rules/team%20a?subtype=mimir", GRAFANA_GROUP, TENANT);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
    assertThat(contentType(created)).contains("json");
    assertThat(JSON.readTree(created.body()).get("status").asText()).isEqualTo("success");

    // List all, list the namespace, get the group: YAML that Grafana's strict decoder accepts.
    HttpResponse<String> all = query.get("/api/prom/rules?subtype=mimir", TENANT);
    assertThat(contentType(all)).contains("yaml");
    JsonNode allGroups = YAML.readTree(all.body());
    assertThat(fieldNames(allGroups)).containsExactly("team a");
    assertThat(allGroups.get("team a").get(0).get("name").asText()).isEqualTo("errors");

    JsonNode namespace = YAML.readTree(query.get("/api/prom/rules/team%20a", TENANT).body());
    assertThat(fieldNames(namespace)).containsExactly("team a");

    HttpResponse<String> one = query.get("/api/prom/rules/team%20a/errors?subtype=mimir", TENANT);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(contentType(one)).contains("yaml");
    JsonNode group = YAML.readTree(one.body());
    assertThat(fieldNames(group)).containsExactly("name", "interval", "rules");
    assertThat(fieldNames(group.get("rules").get(0)))
        .containsExactly("alert", "expr", "for", "labels", "annotations");
    assertThat(fieldNames(group.get("rules").get(1))).containsExactly("record", "expr");
    assertThat(group.at("/rules/0/expr").asText())
        .isEqualTo(
            "sum by (service_name) (\n  rate({service_name=\"api\"} |= \"error\" [5m])\n) > 10");

    // The state listing on both ports, with Grafana's doubled filters.
    for (RulesServer server : List.of(query, alert)) {
      HttpResponse<String> listing =
          server.get(
              "/prometheus/api/v1/rules?file=team%20a&file%5B%5D=team%20a&rule_group=errors"
                  + "&rule_group%5B%5D=errors",
              TENANT);
      assertThat(listing.statusCode()).isEqualTo(200);
      JsonNode groups = JSON.readTree(listing.body()).at("/data/groups");
      assertThat(groups).hasSize(1);
      assertThat(groups.at("/0/file").asText()).isEqualTo("team a");
      assertThat(groups.at("/0/interval").asDouble()).isEqualTo(60.0);
      JsonNode alerting = groups.at("/0/rules/0");
      assertThat(alerting.get("type").asText()).isEqualTo("alerting");
      assertThat(alerting.get("state").asText()).isEqualTo("inactive");
      assertThat(alerting.get("duration").asDouble()).isEqualTo(300.0);
      assertThat(alerting.get("alerts").isArray()).isTrue();
      assertThat(alerting.at("/labels/severity").asText()).isEqualTo("page");
      assertThat(groups.at("/0/rules/1/type").asText()).isEqualTo("recording");
      assertThat(JSON.readTree(listing.body()).at("/data").has("groupNextToken")).isFalse();
    }
    HttpResponse<String> alerts = alert.get("/prometheus/api/v1/alerts", TENANT);
    assertThat(JSON.readTree(alerts.body()).at("/data/alerts").isArray()).isTrue();

    // Replace: the same name again changes the group.
    query.post("/api/prom/rules/team%20a", GRAFANA_GROUP.replace("> 10", "> 20"), TENANT);
    assertThat(
            YAML.readTree(alert.get("/api/prom/rules/team%20a/errors", TENANT).body())
                .at("/rules/0/expr")
                .asText())
        .endsWith("> 20");

    // Delete the group: 202, then the probe's answer and an empty listing.
    HttpResponse<String> deleted =
        alert.delete("/api/prom/rules/team%20a/errors?subtype=mimir", TENANT);
    assertThat(deleted.statusCode()).isEqualTo(202);
    assertThat(query.get("/api/prom/rules/team%20a/errors", TENANT).body())
        .contains("group does not exist");
    assertThat(
            JSON.readTree(query.get("/prometheus/api/v1/rules", TENANT).body()).at("/data/groups"))
        .isEmpty();
    HttpResponse<String> again = query.delete("/api/prom/rules/team%20a/errors", TENANT);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.body()).contains("group does not exist");
    HttpResponse<String> goneNamespace = query.get("/api/prom/rules/team%20a", TENANT);
    assertThat(goneNamespace.statusCode()).isEqualTo(404);
    assertThat(goneNamespace.body()).contains("no rule groups found");
  }

  @Test
  void stateListingPagesWithGroupLimit() throws Exception {
    String[] tenant = {"X-Scope-OrgID", "paging"};
    for (String name : List.of("a", "b", "c")) {
      query.post(
          "/api/prom/rules/ns", GRAFANA_GROUP.replace("name: errors", "name: " + name), tenant);
    }
    List<String> seen = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      HttpResponse<String> page =
          alert.get(
              "/prometheus/api/v1/rules?group_limit=2"
                  + (token.isEmpty() ? "" : "&group_next_token=" + token),
              tenant);
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      JsonNode data = JSON.readTree(page.body()).get("data");
      data.get("groups").forEach(g -> seen.add(g.get("name").asText()));
      token = data.has("groupNextToken") ? data.get("groupNextToken").asText() : "";
      pages++;
    } while (!token.isEmpty() && pages < 5);
    assertThat(seen).containsExactly("a", "b", "c");
    assertThat(pages).isEqualTo(2);

    HttpResponse<String> recordsOnly =
        query.get("/prometheus/api/v1/rules?type=record&exclude_alerts=true", tenant);
    JsonNode rules = JSON.readTree(recordsOnly.body()).at("/data/groups/0/rules");
    assertThat(rules).hasSize(1);
    assertThat(rules.get(0).get("type").asText()).isEqualTo("recording");

    HttpResponse<String> byName =
        query.get(
            "/prometheus/api/v1/rules?rule_name=HighErrorRate&rule_name%5B%5D=HighErrorRate",
            tenant);
    JsonNode groups = JSON.readTree(byName.body()).at("/data/groups");
    assertThat(groups).hasSize(3);
    assertThat(groups.at("/0/rules")).hasSize(1);

    HttpResponse<String> badLimit = query.get("/prometheus/api/v1/rules?group_limit=0", tenant);
    assertThat(badLimit.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(badLimit.body()).get("error").asText())
        .contains("group_limit needs to be greater than 0");
    HttpResponse<String> badType = query.get("/prometheus/api/v1/rules?type=both", tenant);
    assertThat(badType.statusCode()).isEqualTo(400);
  }

  @Test
  void lokitoolLoadsARuleFileGroupByGroup() throws Exception {
    String[] headers = {"X-Scope-OrgID", "lokitool", "Content-Type", "application/yaml"};
    String file =
        """
        groups:
          - name: g1
            rules:
              - alert: A
                expr: count_over_time({job="x"}[1m]) > 0
          - name: g2
            interval: 30s
            rules:
              - record: job:lines:rate1m
                expr: sum by (job) (rate({job="x"}[1m]))
        """;
    // lokitool parses the file itself and POSTs each group.
    for (JsonNode group : YAML.readTree(file).get("groups")) {
      HttpResponse<String> answer =
          query.post("/loki/api/v1/rules/tool-ns", YAML.writeValueAsString(group), headers);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
    }
    HttpResponse<String> listed = alert.get("/loki/api/v1/rules", headers);
    JsonNode groups = YAML.readTree(listed.body()).get("tool-ns");
    assertThat(groups).hasSize(2);
    assertThat(groups.get(1).get("interval").asText()).isEqualTo("30s");
    assertThat(query.get("/api/prom/rules/tool-ns/g2", headers).statusCode()).isEqualTo(200);

    assertThat(query.delete("/loki/api/v1/rules/tool-ns", headers).statusCode()).isEqualTo(202);
    assertThat(query.get("/loki/api/v1/rules/tool-ns", headers).statusCode()).isEqualTo(404);
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
