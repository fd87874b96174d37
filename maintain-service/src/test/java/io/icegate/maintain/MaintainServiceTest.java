package io.icegate.maintain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.icegate.lake.runtime.ServiceRuntime;
import io.icegate.lake.runtime.StartupFailure;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaintainServiceTest {
  @TempDir Path dataDir;

  @Test
  void runsEnabledJobsOnTheirIntervalAndShowsThemOnMetrics() throws Exception {
    try (ApplicationContext maintain =
            start(
                Map.of(
                    "icegate.maintain.wal-cleanup.interval", "100ms",
                    "icegate.maintain.wal-cleanup.dry-run", true,
                    "icegate.maintain.orphan-cleanup.enabled", false));
        HttpClient client = client(maintain)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(client.toBlocking().retrieve("/metrics"))
                      .contains(
                          "icegate_maintain_runs_total{job=\"wal-cleanup\",outcome=\"success\"}")
                      .contains("icegate_maintain_last_success_seconds{job=\"wal-cleanup\"}")
                      .contains("icegate_maintain_dry_run_objects_total{job=\"wal-cleanup\"}"));

      String jobs = client.toBlocking().retrieve("/maintain/jobs");
      assertThat(jobs)
          .contains(
              "\"name\":\"wal-cleanup\",\"enabled\":true,\"interval\":\"PT0.1S\",\"dryRun\":true")
          .contains("\"name\":\"orphan-cleanup\",\"enabled\":false");

      String run =
          client
              .toBlocking()
              .retrieve(HttpRequest.POST("/maintain/jobs/snapshot-expiry/run?dry-run=true", ""));
      assertThat(run).contains("\"job\":\"snapshot-expiry\"", "\"outcome\":\"success\"");

      assertThatThrownBy(
              () -> client.toBlocking().exchange(HttpRequest.POST("/maintain/jobs/nope/run", "")))
          .isInstanceOfSatisfying(
              HttpClientResponseException.class,
              e -> {
                assertThat(e.getStatus().getCode()).isEqualTo(404);
                assertThat(e.getResponse().getBody(String.class).orElseThrow())
                    .contains("Unknown job 'nope'");
              });
    }
  }

  @Test
  void listsEveryJobAndRunsEachOnRequestInDryRunByDefault() throws Exception {
    try (ApplicationContext maintain =
            start(
                Map.of(
                    "icegate.maintain.compaction.enabled", false,
                    "icegate.maintain.retention.enabled", false,
                    "icegate.maintain.manifest-rewrite.enabled", false));
        HttpClient client = client(maintain)) {
      String jobs = client.toBlocking().retrieve("/maintain/jobs");
      for (String job :
          java.util.List.of(
              "compaction",
              "retention",
              "manifest-rewrite",
              "snapshot-expiry",
              "orphan-cleanup",
              "wal-cleanup",
              "root-cleanup")) {
        assertThat(jobs).contains("\"name\":\"" + job + "\"");
        String run =
            client.toBlocking().retrieve(HttpRequest.POST("/maintain/jobs/" + job + "/run", ""));
        assertThat(run)
            .contains("\"job\":\"" + job + "\"", "\"outcome\":\"success\"")
            .contains("\"dryRun\":true");
      }
      assertThat(client.toBlocking().retrieve("/maintain/jobs"))
          .contains("\"name\":\"compaction\",\"enabled\":false")
          .contains("\"last\":{\"dryRun\":true");
    }
  }

  @Test
  void refusesSettingsThatBreakASafetyRule() {
    assertThatThrownBy(() -> start(Map.of("icegate.maintain.snapshot-expiry.retention", "1m")))
        .satisfies(
            e ->
                assertThat(StartupFailure.describe(e))
                    .isEqualTo(
                        "icegate.maintain.snapshot-expiry.retention: must be longer than PT5M,"
                            + " got PT1M"));
    assertThatThrownBy(() -> start(Map.of("icegate.maintain.orphan-cleanup.grace", "10m")))
        .satisfies(e -> assertThat(StartupFailure.describe(e)).contains("orphan-cleanup.grace"));
    assertThatThrownBy(() -> start(Map.of("icegate.maintain.compaction.min-input-files", 1)))
        .satisfies(
            e ->
                assertThat(StartupFailure.describe(e))
                    .isEqualTo(
                        "icegate.maintain.compaction.min-input-files: must be at least 2 (merging"
                            + " one file gains nothing), got 1"));
  }

  private ApplicationContext start(Map<String, Object> settings) {
    Map<String, Object> all = new HashMap<>(settings);
    all.put("micronaut.server.port", -1);
    all.put("icegate.storage.root", dataDir.toString());
    return MaintainApplication.start(all);
  }

  private static HttpClient client(ApplicationContext context) throws Exception {
    return HttpClient.create(new URL("http://127.0.0.1:" + ServiceRuntime.httpPort(context)));
  }
}
