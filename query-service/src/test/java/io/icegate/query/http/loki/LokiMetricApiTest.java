package io.icegate.query.http.loki;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metric queries on {@code /query} and {@code /query_range} through the metric evaluator over the
 * scan: Grafana's save &amp; test, the log volume histogram, unwrap, pipeline errors.
 */
class LokiMetricApiTest extends LokiStackFixture {
  private static final long T0 = 1_795_600_800_000_000_000L;
  private static final long S = 1_000_000_000L;

  @Override
  void populate() {
    List<OtlpLogs.Line> lines = new ArrayList<>();
    // api: one line every 10 s for 2 minutes; latency in ms as logfmt; odd lines are errors
    for (int i = 0; i < 12; i++) {
      lines.add(
          new OtlpLogs.Line(
              T0 + i * 10 * S,
              "level=" + (i % 2 == 1 ? "error" : "info") + " latency=" + (i * 5) + "ms",
              i % 2 == 1 ? 17 : 9,
              Map.of()));
    }
    OtlpLogs.send(stack, "m", Map.of("service.name", "api"), lines);
    OtlpLogs.send(
        stack,
        "n",
        Map.of("service.name", "api"),
        List.of(new OtlpLogs.Line(T0, "level=info latency=999ms")));
  }

  @Test
  void grafanaSaveAndTestGetsOneSampleOfTwo() {
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query", "query=vector(1)%2Bvector(1)&direction=backward&time=4000000000");
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    JsonNode data = reply.json().get("data");
    assertThat(reply.json().get("status").asText()).isEqualTo("success");
    assertThat(data.get("resultType").asText()).isEqualTo("vector");
    assertThat(data.get("result")).hasSize(1);
    assertThat(data.get("result").get(0).get("metric").toString()).isEqualTo("{}");
    // 4000000000 is at most 1e10: Loki reads it as seconds
    assertThat(data.get("result").get(0).get("value").toString()).isEqualTo("[4000000000,\"2\"]");
  }

  @Test
  void countOverTimeRangeQueryIsAMatrix() {
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query_range",
            LokiClient.query(
                "query",
                "sum by (detected_level) (count_over_time({service_name=\"api\"} | drop __error__ [1m]))",
                "start",
                Long.toString(T0 + 60 * S),
                "end",
                Long.toString(T0 + 120 * S),
                "step",
                "60000ms",
                "limit",
                "1000"),
            "X-Scope-OrgID",
            "m");
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    JsonNode data = reply.json().get("data");
    assertThat(data.get("resultType").asText()).isEqualTo("matrix");
    // windows (t-60s, t]: at T0+60 lines 1..6 (3 error, 3 info); at T0+120 lines 7..11 (3 error, 2
    // info)
    assertThat(data.get("result").toString())
        .isEqualTo(
            "[{\"metric\":{\"detected_level\":\"error\"},\"values\":[[1795600860,\"3\"],[1795600920,\"3\"]]},"
                + "{\"metric\":{\"detected_level\":\"info\"},\"values\":[[1795600860,\"3\"],[1795600920,\"2\"]]}]");
  }

  @Test
  void unwrapWithDurationConversion() {
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query",
            LokiClient.query(
                "query",
                "sum(sum_over_time({service_name=\"api\"} | logfmt | unwrap duration(latency) [2m]))",
                "time",
                Long.toString(T0 + 110 * S)),
            "X-Scope-OrgID",
            "m");
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    // (T0-10s, T0+110s]: lines 0..11, latency 0+5+...+55 ms = 330 ms
    assertThat(reply.json().get("data").get("result").get(0).get("value").get(1).asText())
        .isEqualTo("0.33");
  }

  @Test
  void metricQueriesSeeOnlyTheCallersTenant() {
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query",
            LokiClient.query(
                "query",
                "count_over_time({service_name=\"api\"}[1h])",
                "time",
                Long.toString(T0 + 200 * S)),
            "X-Scope-OrgID",
            "n");
    assertThat(reply.json().get("data").get("result")).hasSize(1);
    assertThat(reply.json().get("data").get("result").get(0).get("value").get(1).asText())
        .isEqualTo("1");
  }

  @Test
  void pipelineErrorsAndBadMetricQueriesAre400() {
    LokiClient.Reply error =
        loki.get(
            "/loki/api/v1/query",
            LokiClient.query(
                "query",
                "count_over_time({service_name=\"api\"} | json [5m])",
                "time",
                Long.toString(T0 + 60 * S)),
            "X-Scope-OrgID",
            "m");
    assertThat(error.status()).as(error.text()).isEqualTo(400);
    assertThat(error.json().get("error").asText()).startsWith("pipeline error: 'JSONParserErr'");
    LokiClient.Reply syntax =
        loki.get(
            "/loki/api/v1/query",
            LokiClient.query("query", "rate({service_name=\"api\"}[5x])"),
            "X-Scope-OrgID",
            "m");
    assertThat(syntax.status()).isEqualTo(400);
    assertThat(syntax.json().get("error").asText()).startsWith("parse error");
  }
}
