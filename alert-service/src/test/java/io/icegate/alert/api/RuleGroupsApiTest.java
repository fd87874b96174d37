package io.icegate.alert.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON REST API of the alert service over the real rule store. */
class RuleGroupsApiTest {
  private static final JsonMapper JSON = new JsonMapper();
  private static final String GROUPS = "/api/v1/alerting/groups/";
  private static final String LOGQL_GROUP =
      """
      {"interval":"1m","rules":[{"alert":"Errors",
        "expr":"sum(count_over_time({job=\\"api\\"} |= \\"error\\" [5m])) > 5",
        "for":"5m","labels":{"severity":"page"},"annotations":{"summary":"errors"}}]}
      """;
  private static final String SQL_GROUP =
      """
      {"rules":[{"alert":"NoLogs","expr":"SELECT count(*) AS \\"value\\" FROM logs"}]}
      """;

  @TempDir static Path root;
  static AlertServer alert;

  @BeforeAll
  static void start() {
    alert = AlertServer.start(root);
  }

  @AfterAll
  static void stop() {
    alert.close();
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void groupsCrudWithVersions() throws Exception {
    String[] tenant = {"X-Scope-OrgID", "crud", "Content-Type", "application/json"};
    HttpResponse<String> created = alert.put(GROUPS + "logql/team/errors", LOGQL_GROUP, tenant);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
    assertThat(json(created).get("version").asLong()).isEqualTo(1);
    assertThat(json(created).at("/group/name").asText()).isEqualTo("errors");

    HttpResponse<String> updated =
        alert.put(GROUPS + "logql/team/errors", LOGQL_GROUP.replace("> 5", "> 7"), tenant);
    assertThat(json(updated).get("version").asLong()).isEqualTo(2);

    HttpResponse<String> got = alert.get(GROUPS + "logql/team/errors", tenant);
    assertThat(json(got).at("/group/rules/0/expr").asText()).endsWith("> 7");
    assertThat(json(got).at("/group/rules/0/for").asText()).isEqualTo("5m");

    assertThat(alert.put(GROUPS + "sql/team/nologs", SQL_GROUP, tenant).statusCode())
        .isEqualTo(200);
    JsonNode all = json(alert.get("/api/v1/alerting/groups", tenant));
    assertThat(all.get("groups")).hasSize(2);
    JsonNode sqlOnly = json(alert.get("/api/v1/alerting/groups?language=sql", tenant));
    assertThat(sqlOnly.get("groups")).hasSize(1);
    assertThat(sqlOnly.at("/groups/0/language").asText()).isEqualTo("sql");

    // The LogQL group is visible to the Loki ruler API on the same port.
    HttpResponse<String> ruler = alert.get("/api/prom/rules/team/errors", tenant);
    assertThat(ruler.statusCode()).isEqualTo(200);
    assertThat(ruler.body()).contains("alert: Errors");

    JsonNode state = json(alert.get("/api/v1/alerting/rules?language=logql", tenant));
    assertThat(state.at("/groups/0/rules/0/state").asText()).isEqualTo("inactive");
    assertThat(state.at("/groups/0/rules/0/forSeconds").asDouble()).isEqualTo(300.0);
    assertThat(json(alert.get("/api/v1/alerting/alerts", tenant)).get("alerts")).isEmpty();

    assertThat(alert.delete(GROUPS + "logql/team/errors", tenant).statusCode()).isEqualTo(204);
    assertThat(alert.get(GROUPS + "logql/team/errors", tenant).statusCode()).isEqualTo(404);
    JsonNode versions = json(alert.get(GROUPS + "logql/team/errors/versions", tenant));
    assertThat(versions.get("versions")).hasSize(3);
    assertThat(versions.at("/versions/2/deleted").asBoolean()).isTrue();
    assertThat(versions.at("/versions/0/source").asText()).isEqualTo("rest");
  }

  @Test
  void namespacesTakeARuleFileAndDropGroupsNotInIt() throws Exception {
    String[] tenant = {"X-Scope-OrgID", "files", "Content-Type", "application/yaml"};
    String file =
        """
        groups:
          - name: a
            rules:
              - record: job:up:sum
                expr: sum by (job) (up)
          - name: b
            rules:
              - alert: Down
                expr: up == 0
        """;
    HttpResponse<String> written = alert.put("/api/v1/alerting/namespaces/promql/ns", file, tenant);
    assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
    assertThat(json(written).get("groups")).hasSize(2);

    HttpResponse<String> shrunk =
        alert.put(
            "/api/v1/alerting/namespaces/promql/ns",
            file.substring(0, file.indexOf("  - name: b")),
            tenant);
    assertThat(shrunk.statusCode()).isEqualTo(200);
    JsonNode left = json(alert.get("/api/v1/alerting/groups?namespace=ns", tenant));
    assertThat(left.get("groups")).hasSize(1);
    assertThat(left.at("/groups/0/group/name").asText()).isEqualTo("a");

    assertThat(alert.delete("/api/v1/alerting/namespaces/promql/ns", tenant).statusCode())
        .isEqualTo(204);
    assertThat(alert.delete("/api/v1/alerting/namespaces/promql/ns", tenant).statusCode())
        .isEqualTo(404);
  }

  @Test
  void badInputIsRefusedAndNothingIsStored() throws Exception {
    String[] tenant = {"X-Scope-OrgID", "bad", "Content-Type", "application/json"};
    String[] yaml = {"X-Scope-OrgID", "bad", "Content-Type", "application/yaml"};

    HttpResponse<String> language = alert.put(GROUPS + "graphql/ns/g", LOGQL_GROUP, tenant);
    assertThat(language.statusCode()).isEqualTo(400);
    assertThat(json(language).get("message").asText())
        .isEqualTo(
            "Cannot accept rules: unknown expression language 'graphql' (expected one of logql,"
                + " promql, sql)");

    HttpResponse<String> expression =
        alert.put(GROUPS + "logql/ns/g", LOGQL_GROUP.replace("> 5", "> "), tenant);
    assertThat(expression.statusCode()).isEqualTo(400);
    assertThat(json(expression).get("message").asText())
        .contains("invalid logql expression at line 1");
    assertThat(json(expression).at("/position/line").asInt()).isEqualTo(1);
    assertThat(json(expression).at("/position/column").asInt()).isPositive();

    HttpResponse<String> sql =
        alert.put(GROUPS + "sql/ns/g", SQL_GROUP.replace("FROM logs", "FROM"), tenant);
    assertThat(sql.statusCode()).isEqualTo(400);
    assertThat(json(sql).get("message").asText()).contains("invalid sql expression at line 1");

    HttpResponse<String> duplicate =
        alert.put(
            "/api/v1/alerting/namespaces/promql/ns",
            "groups:\n- name: g\n  rules: []\n- name: g\n  rules: []\n",
            yaml);
    assertThat(duplicate.statusCode()).isEqualTo(400);
    assertThat(json(duplicate).get("message").asText())
        .isEqualTo("Cannot accept rules: groupname: \"g\" is repeated in the same namespace");

    HttpResponse<String> malformed = alert.put(GROUPS + "promql/ns/g", "{\"rules\": [", tenant);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(json(malformed).get("message").asText()).startsWith("Cannot parse rule group: ");

    HttpResponse<String> renamed =
        alert.put(GROUPS + "promql/ns/g", "{\"name\":\"other\",\"rules\":[]}", tenant);
    assertThat(renamed.statusCode()).isEqualTo(400);
    assertThat(json(renamed).get("message").asText()).contains("names group 'other'");

    HttpResponse<String> traversal = alert.put(GROUPS + "promql/../g", "{\"rules\":[]}", tenant);
    assertThat(traversal.statusCode()).as(traversal.body()).isEqualTo(400);
    assertThat(json(traversal).get("message").asText()).contains("invalid namespace name '..'");
    HttpResponse<String> slash = alert.put(GROUPS + "promql/a%2Fb/g", "{\"rules\":[]}", tenant);
    assertThat(slash.statusCode()).as(slash.body()).isEqualTo(400);
    assertThat(json(slash).get("message").asText()).contains("contains '/'");
    HttpResponse<String> control = alert.put(GROUPS + "promql/a%01b/g", "{\"rules\":[]}", tenant);
    assertThat(control.statusCode()).isEqualTo(400);
    assertThat(json(control).get("message").asText()).contains("control character");

    assertThat(alert.storedKeys()).noneMatch(key -> key.startsWith("rules/bad/"));
  }
}
