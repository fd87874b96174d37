package io.icegate.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.icegate.lake.runtime.IceGateService;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Retention through every API, end to end: logs ingested over OTLP for two tenants, five days old
 * and from now; a one-day period set for one tenant through the maintain port; after the job ran,
 * that tenant's old line is gone from SQL and from LogQL, its new line and the other tenant's lines
 * stay.
 */
class RetentionEndToEndTest extends StandaloneStackFixture {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void expiredDaysVanishFromSqlAndLogqlForThatTenantOnly() throws Exception {
    Instant now = Instant.now();
    Instant old = now.minus(Duration.ofDays(5));
    for (String tenant : new String[] {"team-a", "team-b"}) {
      assertThat(ingest(tenant, old, tenant + " old line").statusCode()).isEqualTo(200);
      assertThat(ingest(tenant, now, tenant + " new line").statusCode()).isEqualTo(200);
    }
    assertThat(sql("team-a")).contains("team-a old line", "team-a new line");

    HttpResponse<String> put =
        send(
            HttpRequest.newBuilder(uri(IceGateService.MAINTAIN, "/maintain/retention/team-a"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"logs\":\"1d\"}")));
    assertThat(put.statusCode()).isEqualTo(200);

    // The old day is dropped once the shifter has moved it from the WAL into the table.
    String day = LocalDate.ofInstant(old, ZoneOffset.UTC).toString();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () ->
                assertThat(
                        post(
                                IceGateService.MAINTAIN,
                                "/maintain/jobs/retention/run?dry-run=false",
                                "application/json",
                                "")
                            .body())
                    .contains("drop logs tenant=team-a day=" + day));

    assertThat(sql("team-a")).contains("team-a new line").doesNotContain("team-a old line");
    assertThat(sql("team-b")).contains("team-b old line", "team-b new line");
    String logql = "{service_name=\"retained\"}";
    assertThat(logql("team-a", logql, old, now))
        .contains("team-a new line")
        .doesNotContain("team-a old line");
    assertThat(logql("team-b", logql, old, now)).contains("team-b old line", "team-b new line");
  }

  private static HttpResponse<String> ingest(String tenant, Instant at, String line)
      throws Exception {
    long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
    String body =
        "{\"resourceLogs\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
            + "{\"stringValue\":\"retained\"}}]},\"scopeLogs\":[{\"logRecords\":[{\"timeUnixNano\":\""
            + nanos
            + "\",\"body\":{\"stringValue\":\""
            + line
            + "\"}}]}]}]}";
    return send(
        HttpRequest.newBuilder(uri(IceGateService.INGEST, "/v1/logs"))
            .header("Content-Type", "application/json")
            .header("X-Scope-OrgID", tenant)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private static String sql(String tenant) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri(IceGateService.QUERY, "/api/v1/sql"))
                .header("Content-Type", "text/plain")
                .header("X-Scope-OrgID", tenant)
                .POST(HttpRequest.BodyPublishers.ofString("SELECT body FROM logs ORDER BY body")));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static String logql(String tenant, String query, Instant from, Instant to)
      throws Exception {
    String path =
        "/loki/api/v1/query_range?query="
            + URLEncoder.encode(query, StandardCharsets.UTF_8)
            + "&start="
            + from.minusSeconds(3600).getEpochSecond()
            + "&end="
            + to.plusSeconds(3600).getEpochSecond()
            + "&limit=100";
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri(IceGateService.QUERY, path))
                .header("X-Scope-OrgID", tenant)
                .GET());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
