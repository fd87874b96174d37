package io.icegate.query.http.loki;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.wal.WalSignal;
import io.icegate.query.TelemetryFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No Loki endpoint returns another tenant's data. The other tenants' rows are all marked: bodies
 * start with their name, and tenant "other" has a stream of its own ({@code service_name=
 * "secret-svc"}, {@code k8s_namespace_name="secret-ns"}), in the WAL and in Iceberg.
 */
class LokiIsolationTest extends LokiStackFixture {
  private static final long T0 = LokiApiTest.T0;
  private static final String START = LokiApiTest.START;
  private static final String END = LokiApiTest.END;

  @Override
  void populate() {
    TelemetryFixture.send(stack, "acme", "");
    TelemetryFixture.send(stack, "other", "other-");
    OtlpLogs.send(
        stack,
        "other",
        Map.of("service.name", "secret-svc", "k8s.namespace.name", "secret-ns"),
        List.of(new OtlpLogs.Line(T0 + 1, "other-secret 0")));
    stack.shift(WalSignal.LOGS);
    OtlpLogs.send(
        stack,
        "other",
        Map.of("service.name", "secret-svc", "k8s.namespace.name", "secret-ns"),
        List.of(new OtlpLogs.Line(T0 + 2, "other-secret 1")));
    TelemetryFixture.send(stack, "default", "default-");
  }

  private LokiClient.Reply get(String path, String tenant, String... pairs) {
    String query = LokiClient.query(pairs);
    return tenant == null ? loki.get(path, query) : loki.get(path, query, "X-Scope-OrgID", tenant);
  }

  private static void assertOnlyOwn(LokiClient.Reply reply, String prefix) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    List<String> lines = LokiApiTest.lines(reply.json());
    assertThat(lines)
        .hasSize(9)
        .allMatch(
            line ->
                prefix.isEmpty()
                    ? !line.startsWith("other-") && !line.startsWith("default-")
                    : line.startsWith(prefix));
    assertThat(reply.text()).doesNotContain("secret");
  }

  @Test
  void queryRangeSeesOnlyTheCallersTenant() {
    assertOnlyOwn(
        get(
            "/loki/api/v1/query_range",
            "acme",
            "query",
            "{service_name=~\".+\"}",
            "start",
            START,
            "end",
            END,
            "limit",
            "1000"),
        "");
    assertOnlyOwn(
        get(
            "/loki/api/v1/query_range",
            "other",
            "query",
            "{service_name=~\"checkout|cart\"}",
            "start",
            START,
            "end",
            END),
        "other-");
    LokiClient.Reply secret =
        get(
            "/loki/api/v1/query_range",
            "acme",
            "query",
            "{service_name=\"secret-svc\"}",
            "start",
            START,
            "end",
            END);
    assertThat(secret.json().get("data").get("result")).isEmpty();
    LokiClient.Reply own =
        get(
            "/loki/api/v1/query_range",
            "other",
            "query",
            "{k8s_namespace_name=\"secret-ns\"}",
            "start",
            START,
            "end",
            END);
    assertThat(LokiApiTest.mergedLines(own.json(), true))
        .containsExactly("other-secret 1", "other-secret 0");
  }

  @Test
  void instantQuerySeesOnlyTheCallersTenant() {
    assertOnlyOwn(
        get(
            "/loki/api/v1/query",
            "acme",
            "query",
            "{service_name=~\".+\"}",
            "time",
            END,
            "limit",
            "1000"),
        "");
  }

  @Test
  void withoutAHeaderTheTenantIsDefault() {
    assertOnlyOwn(
        get(
            "/loki/api/v1/query_range",
            null,
            "query",
            "{service_name=~\".+\"}",
            "start",
            START,
            "end",
            END),
        "default-");
  }

  @Test
  void labelsSeeOnlyTheCallersTenant() {
    LokiClient.Reply labels = get("/loki/api/v1/labels", "acme", "start", START, "end", END);
    assertThat(labels.strings("data")).containsExactly("service_name");
    LokiClient.Reply other = get("/loki/api/v1/labels", "other", "start", START, "end", END);
    assertThat(other.strings("data")).containsExactly("k8s_namespace_name", "service_name");
  }

  @Test
  void labelValuesSeeOnlyTheCallersTenant() {
    assertThat(
            get("/loki/api/v1/label/service_name/values", "acme", "start", START, "end", END)
                .strings("data"))
        .containsExactly("cart", "checkout");
    assertThat(
            get("/loki/api/v1/label/k8s_namespace_name/values", "acme", "start", START, "end", END)
                .strings("data"))
        .isEmpty();
    assertThat(
            get(
                    "/loki/api/v1/label/service_name/values",
                    "acme",
                    "start",
                    START,
                    "end",
                    END,
                    "query",
                    "{service_name=\"secret-svc\"}")
                .strings("data"))
        .isEmpty();
  }

  @Test
  void seriesSeesOnlyTheCallersTenant() {
    LokiClient.Reply series =
        get(
            "/loki/api/v1/series",
            "acme",
            "match[]",
            "{service_name=~\".+\"}",
            "start",
            START,
            "end",
            END);
    JsonNode data = series.json().get("data");
    assertThat(data.toString())
        .isEqualTo("[{\"service_name\":\"cart\"},{\"service_name\":\"checkout\"}]");
    LokiClient.Reply none =
        get(
            "/loki/api/v1/series",
            "acme",
            "match[]",
            "{k8s_namespace_name=\"secret-ns\"}",
            "start",
            START,
            "end",
            END);
    assertThat(none.json().get("data")).isEmpty();
  }
}
