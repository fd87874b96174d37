package io.icegate.query.http.loki;

import static io.icegate.query.http.loki.LokiClient.assertBadData;
import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.query.LakeStack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every class of bad input gets the right status and a one-line Loki error that says what is wrong,
 * never a stack trace; the service keeps answering afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LokiBadInputTest {
  private static final String RANGE = "/loki/api/v1/query_range";
  private static final long NOW = 1_795_600_800_000_000_000L;

  @TempDir static Path root;
  private LakeStack stack;
  private LokiClient loki;

  @BeforeAll
  void start() {
    stack =
        LakeStack.start(
            root,
            Map.of(
                "icegate.loki.max-query-length", 1000,
                "icegate.loki.max-limit", 500,
                "icegate.query.loki.max-series", 1));
    loki = new LokiClient(stack);
    OtlpLogs.send(
        stack, "default", Map.of("service.name", "svc"), List.of(new OtlpLogs.Line(NOW, "hello")));
    OtlpLogs.send(
        stack, "default", Map.of("service.name", "svc2"), List.of(new OtlpLogs.Line(NOW, "hi")));
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  private LokiClient.Reply range(String... pairs) {
    return loki.get(RANGE, LokiClient.query(pairs));
  }

  @Test
  void everyLokiEndpointCountsItsCallsByOutcome() {
    String bad = "{service_name=\"svc\"";
    String good = "{service_name=\"svc\"}";
    List<String> paths =
        List.of(
            "/loki/api/v1/index/stats",
            "/loki/api/v1/index/volume",
            "/loki/api/v1/detected_fields",
            "/loki/api/v1/detected_labels",
            "/loki/api/v1/patterns",
            "/loki/api/v1/labels",
            RANGE);
    for (String path : paths) {
      double badBefore = loki.requests("bad_data");
      double okBefore = loki.requests("ok");

      assertThat(loki.get(path, LokiClient.query("query", bad)).status()).as(path).isEqualTo(400);
      assertThat(loki.get(path, LokiClient.query("query", good)).status()).as(path).isEqualTo(200);

      assertThat(loki.requests("bad_data")).as(path).isEqualTo(badBefore + 1);
      assertThat(loki.requests("ok")).as(path).isEqualTo(okBefore + 1);
    }
  }

  @Test
  void syntaxErrorsAre400WithThePosition() {
    assertBadData(
        range("query", "{service_name=\"svc\""),
        400,
        "parse error at line 1, col 20: syntax error: unexpected $end, expecting , or }");
    assertBadData(
        range("query", "{service_name=svc}"),
        400,
        "parse error at line 1, col 15: syntax error: unexpected IDENTIFIER, expecting STRING");
    assertBadData(
        range("query", "{service_name=\"svc\"} |= "), 400, "parse error at line 1, col 25");
    assertBadData(
        range("query", "{service_name=~\"(\"}"),
        400,
        "parse error at line 1, col 16: error parsing regexp: missing closing ): `(`");
    assertBadData(
        range("query", "{service_name!=\"x\"}"),
        400,
        "queries require at least one regexp or equality matcher");
    assertBadData(range(), 400, "query parameter is required");
  }

  @Test
  void moreSeriesThanTheConfiguredMaximumIs400NamingTheKey() {
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query",
            LokiClient.query(
                "query",
                "count_over_time({service_name=~\"svc.*\"}[5m])",
                "time",
                Long.toString(NOW + 1_000_000_000L)));
    assertBadData(reply, 400, "maximum number of series (1) reached for a single query");
    assertThat(reply.text()).contains("icegate.query.loki.max-series");
  }

  @Test
  void limitsAre400NamingTheLimit() {
    assertBadData(
        range("query", "{service_name=\"svc\"}", "limit", "501"),
        400,
        "max entries limit per query exceeded, limit > max_entries_limit (501 > 500) (icegate.loki.max-limit)");
    assertBadData(
        range("query", "{service_name=\"svc\"}", "limit", "0"),
        400,
        "limit must be a positive value");
    assertBadData(
        range("query", "{service_name=\"svc\"}", "limit", "ten"), 400, "invalid parameter 'limit'");
    String huge = "{service_name=\"" + "x".repeat(2000) + "\"}";
    assertBadData(
        range("query", huge), 400, "more than the limit of 1000 (icegate.loki.max-query-length)");
    assertBadData(
        loki.post(RANGE, LokiClient.query("query", huge)), 400, "icegate.loki.max-query-length");
    assertBadData(
        range("query", "{service_name=\"svc\"}", "start", "1", "end", "1000000000", "step", "1ms"),
        400,
        "exceeded maximum resolution of 11,000 points");
  }

  @Test
  void badTimesAndParametersAre400() {
    assertBadData(
        range("query", "{service_name=\"svc\"}", "start", "yesterday"),
        400,
        "invalid parameter 'start'");
    assertBadData(
        range("query", "{service_name=\"svc\"}", "end", "2026-13-45T99:00:00Z"),
        400,
        "invalid parameter 'end'");
    assertBadData(
        range("query", "{service_name=\"svc\"}", "start", "2000000000", "end", "1000000000"),
        400,
        "end timestamp must not be before or equal to start time");
    assertBadData(
        range("query", "{service_name=\"svc\"}", "direction", "sideways"),
        400,
        "invalid direction 'sideways'");
    assertBadData(
        range("query", "{service_name=\"svc\"}", "step", "0"),
        400,
        "zero or negative query resolution step");
    assertBadData(
        range("query", "{service_name=\"svc\"}", "since", "forever"),
        400,
        "invalid parameter 'since'");
    assertBadData(
        loki.get(
            "/loki/api/v1/query",
            LokiClient.query("query", "{service_name=\"svc\"}", "time", "soon")),
        400,
        "invalid parameter 'time'");
    assertBadData(
        loki.get("/loki/api/v1/labels", LokiClient.query("start", "x")),
        400,
        "invalid parameter 'start'");
    assertBadData(
        loki.get("/loki/api/v1/series", LokiClient.query("match[]", "{")),
        400,
        "parse error at line 1, col 2");
  }

  @Test
  void tenantHeaderProblemsAreRefused() {
    LokiClient.Reply malformed =
        loki.get(
            RANGE,
            LokiClient.query("query", "{service_name=\"svc\"}"),
            "X-Scope-OrgID",
            "acme|other");
    assertThat(malformed.status()).as(malformed.text()).isEqualTo(400);
    assertThat(malformed.json().get("status").asText()).isEqualTo("error");
  }

  @Test
  void unknownEndpointsAre404() {
    for (String path :
        List.of("/loki/api/v1/nope", "/loki/api/v1/index/nope", "/loki/api/v2/query")) {
      LokiClient.Reply reply = loki.get(path, "");
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.text()).doesNotContain("Exception");
    }
  }

  @Test
  void theServiceStaysHealthyAfterBadInput() {
    for (int i = 0; i < 20; i++) {
      range("query", "{" + "(".repeat(i * 50));
      range("query", "{service_name=~\"" + "(a*)*".repeat(i) + "\"}");
    }
    assertThat(loki.get("/ready", "").status()).isEqualTo(200);
    LokiClient.Reply ok =
        range(
            "query",
            "{service_name=\"svc\"}",
            "start",
            Long.toString(NOW - 1),
            "end",
            Long.toString(NOW + 1));
    assertThat(ok.status()).as(ok.text()).isEqualTo(200);
    assertThat(LokiApiTest.lines(ok.json())).containsExactly("hello");
  }
}
