package io.icegate.query.http.loki;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code /loki/api/v1/format_query}, which Grafana's query editor calls: Loki's canonical text of
 * the query in {@code {"status":"success","data":...}}, a 400 with the position otherwise.
 */
class LokiFormatQueryTest extends LokiStackFixture {
  private static final String FORMAT = "/loki/api/v1/format_query";

  @Test
  void answersTheCanonicalText() {
    LokiClient.Reply reply =
        loki.get(
            FORMAT,
            LokiClient.query(
                "query",
                "sum   by(service_name)(count_over_time({service_name=\"a\"}|=\"x\"[5m]))"));

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.json().get("status").asText()).isEqualTo("success");
    String formatted = reply.json().get("data").asText();
    // Loki's String() form: the range follows the pipeline without a space.
    assertThat(formatted)
        .isEqualTo("sum by (service_name) (count_over_time({service_name=\"a\"} |= \"x\"[5m]))");
    // Canonical: formatting the formatted text changes nothing.
    assertThat(loki.get(FORMAT, LokiClient.query("query", formatted)).json().get("data").asText())
        .isEqualTo(formatted);
  }

  @Test
  void aSyntaxErrorIs400WithThePosition() {
    LokiClient.Reply reply = loki.get(FORMAT, LokiClient.query("query", "{service_name=svc}"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("errorType").asText()).isEqualTo("bad_data");
    assertThat(reply.json().get("error").asText()).startsWith("parse error at line 1, col 15");
  }
}
