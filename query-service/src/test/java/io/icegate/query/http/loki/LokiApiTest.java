package io.icegate.query.http.loki;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.wal.WalSignal;
import io.icegate.query.TelemetryFixture;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Loki endpoints over telemetry sent with the OpenTelemetry SDK ({@link TelemetryFixture}),
 * half of it shifted to Iceberg: answers value by value, in the shapes of Loki's HTTP API docs,
 * with requests shaped as Grafana sends them (GRAFANA-CALLS.md).
 */
class LokiApiTest extends LokiStackFixture {
  static final long T0 = TelemetryFixture.T0.getEpochSecond() * 1_000_000_000L;
  static final String START = Long.toString(T0 - 60_000_000_000L);
  static final String END = Long.toString(T0 + 600_000_000_000L);
  static final String TENANT = "acme";

  @Override
  void populate() {
    TelemetryFixture.send(stack, TENANT, "");
    stack.shift(WalSignal.LOGS);
    TelemetryFixture.send(stack, "other", "other-");
  }

  private LokiClient.Reply range(String query, String... extra) {
    List<String> pairs =
        new ArrayList<>(List.of("query", query, "start", START, "end", END, "step", "60000ms"));
    pairs.addAll(List.of(extra));
    return loki.get(
        "/loki/api/v1/query_range",
        LokiClient.query(pairs.toArray(String[]::new)),
        "X-Scope-OrgID",
        TENANT);
  }

  /** Every [ts, line] of a streams answer, in answer order within streams, streams concatenated. */
  static List<String> lines(JsonNode answer) {
    List<String> lines = new ArrayList<>();
    for (JsonNode stream : answer.get("data").get("result")) {
      for (JsonNode value : stream.get("values")) {
        lines.add(value.get(1).asText());
      }
    }
    return lines;
  }

  /** Lines of all streams merged by timestamp in the given direction. */
  static List<String> mergedLines(JsonNode answer, boolean backward) {
    List<long[]> order = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (JsonNode stream : answer.get("data").get("result")) {
      for (JsonNode value : stream.get("values")) {
        order.add(new long[] {Long.parseLong(value.get(0).asText()), texts.size()});
        texts.add(value.get(1).asText());
      }
    }
    order.sort((a, b) -> backward ? Long.compare(b[0], a[0]) : Long.compare(a[0], b[0]));
    return order.stream().map(o -> texts.get((int) o[1])).toList();
  }

  @Test
  void queryRangeAnswersStreamsNewestFirstInLokisShape() {
    LokiClient.Reply reply =
        range("{service_name=\"checkout\"}", "limit", "1000", "direction", "backward");
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    JsonNode json = reply.json();
    assertThat(json.get("status").asText()).isEqualTo("success");
    assertThat(json.get("data").get("resultType").asText()).isEqualTo("streams");
    assertThat(json.get("data").has("stats")).isTrue();
    assertThat(json.get("data").get("stats").get("summary").get("totalEntriesReturned").asInt())
        .isEqualTo(6);
    assertThat(json.get("data").has("encodingFlags")).isFalse();
    assertThat(mergedLines(json, true))
        .containsExactly(
            "checkout 5", "checkout 4", "checkout 3", "checkout 2", "checkout 1", "checkout 0");
    for (JsonNode stream : json.get("data").get("result")) {
      // without categorize-labels: stream labels, structured metadata merged; values are pairs
      JsonNode labels = stream.get("stream");
      assertThat(labels.get("service_name").asText()).isEqualTo("checkout");
      assertThat(labels.get("scope_name").asText()).isEqualTo("shop");
      assertThat(labels.has("detected_level")).isTrue();
      for (JsonNode value : stream.get("values")) {
        assertThat(value.size()).isEqualTo(2);
        assertThat(value.get(0).isTextual()).isTrue();
      }
    }
  }

  @Test
  void categorizedLabelsCarryStructuredMetadataPerEntry() {
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query_range",
            LokiClient.query(
                "query", "{service_name=\"checkout\"}", "start", START, "end", END, "limit", "100"),
            "X-Scope-OrgID",
            TENANT,
            "X-Loki-Response-Encoding-Flags",
            "categorize-labels");
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    JsonNode data = reply.json().get("data");
    assertThat(data.get("encodingFlags").get(0).asText()).isEqualTo("categorize-labels");
    assertThat(data.get("result")).hasSize(1);
    JsonNode stream = data.get("result").get(0);
    assertThat(stream.get("stream").toString()).isEqualTo("{\"service_name\":\"checkout\"}");
    JsonNode values = stream.get("values");
    assertThat(values).hasSize(6);
    for (int i = 0; i < 6; i++) {
      JsonNode value = values.get(i);
      int n = 5 - i;
      assertThat(value).hasSize(3);
      assertThat(value.get(0).asText()).isEqualTo(Long.toString(T0 + n * 20_000_000_000L));
      assertThat(value.get(1).asText()).isEqualTo("checkout " + n);
      JsonNode metadata = value.get(2).get("structuredMetadata");
      assertThat(metadata.get("detected_level").asText()).isEqualTo(n % 2 == 0 ? "error" : "info");
      assertThat(metadata.get("severity_text").asText()).isEqualTo(n % 2 == 0 ? "ERROR" : "INFO");
      assertThat(metadata.get("severity_number").asText()).isEqualTo(n % 2 == 0 ? "17" : "9");
      assertThat(metadata.get("http_route").asText()).isEqualTo(n < 4 ? "/pay" : "/cart");
      assertThat(metadata.get("scope_name").asText()).isEqualTo("shop");
      assertThat(metadata.has("observed_timestamp")).isTrue();
      if (n == 0) {
        assertThat(metadata.get("trace_id").asText()).isEqualTo(TelemetryFixture.TRACE_1);
        assertThat(metadata.get("span_id").asText()).hasSize(16);
        assertThat(metadata.get("flags").asText()).isEqualTo("1");
      } else {
        assertThat(metadata.has("trace_id")).isFalse();
      }
      assertThat(value.get(2).has("parsed")).isFalse();
    }
  }

  @Test
  void forwardDirectionAndLimitKeepTheOldest() {
    LokiClient.Reply reply =
        range("{service_name=~\"checkout|cart\"}", "limit", "4", "direction", "FORWARD");
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    // checkout at 0,20,40,60,80,100 s; cart at 30,60,90 s
    assertThat(mergedLines(reply.json(), false))
        .containsExactly("checkout 0", "checkout 1", "cart 0", "checkout 2");
  }

  @Test
  void lineFiltersAndMatchersSelectExactly() {
    assertThat(mergedLines(range("{service_name=\"checkout\"} |= \"3\"").json(), true))
        .containsExactly("checkout 3");
    assertThat(
            mergedLines(
                range("{service_name=~\"c.+\", service_name!=\"checkout\"} != \"1\"").json(), true))
        .containsExactly("cart 2", "cart 0");
    assertThat(
            mergedLines(
                range("{service_name=~\"c.*\"} |~ \"(cart|checkout) [0-1]$\"").json(), true))
        .containsExactly("cart 1", "cart 0", "checkout 1", "checkout 0");
  }

  @Test
  void timeRangeIsStartInclusiveEndExclusive() {
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query_range",
            LokiClient.query(
                "query", "{service_name=\"checkout\"}",
                "start", Long.toString(T0 + 20_000_000_000L),
                "end", Long.toString(T0 + 60_000_000_000L)),
            "X-Scope-OrgID",
            TENANT);
    assertThat(mergedLines(reply.json(), true)).containsExactly("checkout 2", "checkout 1");
    // RFC3339 and float seconds mean the same times
    LokiClient.Reply same =
        loki.get(
            "/loki/api/v1/query_range",
            LokiClient.query(
                "query", "{service_name=\"checkout\"}",
                "start", "2026-11-25T10:00:20Z",
                "end", Long.toString(T0 / 1_000_000_000L + 60) + ".0"),
            "X-Scope-OrgID",
            TENANT);
    assertThat(mergedLines(same.json(), true)).containsExactly("checkout 2", "checkout 1");
  }

  @Test
  void instantQueryLooksBackFromTime() {
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query",
            LokiClient.query(
                "query",
                "{service_name=\"cart\"}",
                "time",
                Long.toString(T0 + 60_000_000_000L),
                "direction",
                "backward",
                "limit",
                "10"),
            "X-Scope-OrgID",
            TENANT);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.json().get("data").get("resultType").asText()).isEqualTo("streams");
    assertThat(mergedLines(reply.json(), true)).containsExactly("cart 1", "cart 0");
  }

  @Test
  void formPostAnswersLikeGet() {
    LokiClient.Reply reply =
        loki.post(
            "/loki/api/v1/query_range",
            LokiClient.query("query", "{service_name=\"cart\"}", "start", START, "end", END),
            "X-Scope-OrgID",
            TENANT);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(mergedLines(reply.json(), true)).containsExactly("cart 2", "cart 1", "cart 0");
  }

  @Test
  void labelsAndValuesAreStreamLabels() {
    LokiClient.Reply labels =
        loki.get(
            "/loki/api/v1/labels",
            LokiClient.query("start", START, "end", END),
            "X-Scope-OrgID",
            TENANT);
    assertThat(labels.status()).as(labels.text()).isEqualTo(200);
    assertThat(labels.json().get("status").asText()).isEqualTo("success");
    assertThat(labels.strings("data")).containsExactly("service_name");

    LokiClient.Reply values =
        loki.get(
            "/loki/api/v1/label/service_name/values",
            LokiClient.query("start", START, "end", END),
            "X-Scope-OrgID",
            TENANT);
    assertThat(values.strings("data")).containsExactly("cart", "checkout");

    LokiClient.Reply filtered =
        loki.get(
            "/loki/api/v1/label/service_name/values",
            LokiClient.query("start", START, "end", END, "query", "{service_name=~\"ca.*\"}"),
            "X-Scope-OrgID",
            TENANT);
    assertThat(filtered.strings("data")).containsExactly("cart");

    LokiClient.Reply shards =
        loki.get(
            "/loki/api/v1/label/__stream_shard__/values",
            LokiClient.query("start", START, "end", END),
            "X-Scope-OrgID",
            TENANT);
    assertThat(shards.status()).isEqualTo(200);
    assertThat(shards.json().get("data")).isEmpty();
  }

  @Test
  void seriesAnswersTheMatchedStreams() {
    LokiClient.Reply series =
        loki.get(
            "/loki/api/v1/series",
            LokiClient.query(
                "match[]",
                "{service_name=\"cart\"}",
                "match[]",
                "{service_name=\"nope\"}",
                "start",
                START,
                "end",
                END),
            "X-Scope-OrgID",
            TENANT);
    assertThat(series.status()).as(series.text()).isEqualTo(200);
    assertThat(series.json().toString())
        .isEqualTo("{\"status\":\"success\",\"data\":[{\"service_name\":\"cart\"}]}");
  }

  @Test
  void buildInfoHasLokisFields() {
    LokiClient.Reply info = loki.get("/loki/api/v1/status/buildinfo", "");
    assertThat(info.status()).isEqualTo(200);
    Iterator<String> names = info.json().fieldNames();
    List<String> fields = new ArrayList<>();
    names.forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly("version", "revision", "branch", "buildUser", "buildDate", "goVersion");
  }

  @Test
  void readyAnswersReady() {
    LokiClient.Reply ready = loki.get("/ready", "");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.text()).isEqualTo("ready");
  }
}
