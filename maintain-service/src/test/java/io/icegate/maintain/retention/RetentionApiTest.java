package io.icegate.maintain.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.ingest.shift.PartitionedFileWriter;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.runtime.ServiceRuntime;
import io.icegate.lake.runtime.StartupFailure;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.view.LakeQuery;
import io.icegate.lake.view.LakeView;
import io.icegate.lake.wal.WalSignal;
import io.icegate.maintain.MaintainApplication;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retention API on the maintain port, and the job it steers run through the jobs API. */
class RetentionApiTest {
  @TempDir Path dataDir;

  @Test
  void setsShowsAndRemovesATenantsPeriodsAndTheJobAppliesThem() throws Exception {
    try (ApplicationContext maintain =
            start(
                Map.of(
                    "icegate.maintain.retention.default.logs", "30d",
                    "icegate.maintain.retention.tenants.team-a.spans", "7d",
                    "icegate.maintain.retention.enabled", false));
        HttpClient client = client(maintain)) {
      assertThat(get(client, "team-a"))
          .doesNotContain("\"stored\"")
          .contains("\"logs\":{\"period\":\"30d\",\"source\":\"default-config\"}")
          .contains("\"spans\":{\"period\":\"7d\",\"source\":\"tenant-config\"}");

      String put =
          client
              .toBlocking()
              .retrieve(json(HttpRequest.PUT("/maintain/retention/team-a", "{\"logs\":\"2d\"}")));
      assertThat(put)
          .contains("\"stored\":{\"logs\":\"2d\"}")
          .contains("\"logs\":{\"period\":\"2d\",\"source\":\"api\"}")
          .contains("\"spans\":{\"period\":\"7d\",\"source\":\"tenant-config\"}");
      assertThat(get(client, "team-a")).contains("\"stored\":{\"logs\":\"2d\"}");
      // Another tenant keeps the defaults.
      assertThat(get(client, "team-b"))
          .contains("\"logs\":{\"period\":\"30d\",\"source\":\"default-config\"}")
          .doesNotContain("spans");

      // The job drops team-a's old days only.
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      ObjectStoreCatalog catalog = maintain.getBean(ObjectStoreCatalog.class);
      // Ingest creates the tables; here the test does.
      new LakeTableCreator(catalog).createMissing();
      Table logs = catalog.loadTable(LakeTables.logs().identifier());
      write(logs, "team-a", today.minusDays(5));
      write(logs, "team-a", today);
      write(logs, "team-b", today.minusDays(5));
      String run =
          client
              .toBlocking()
              .retrieve(HttpRequest.POST("/maintain/jobs/retention/run?dry-run=false", ""));
      assertThat(run)
          .contains("\"outcome\":\"success\"")
          .contains("drop logs tenant=team-a day=" + today.minusDays(5));
      assertThat(rows(maintain, "team-a")).isEqualTo(1);
      assertThat(rows(maintain, "team-b")).isEqualTo(1);
      assertThat(client.toBlocking().retrieve("/maintain/jobs"))
          .contains("\"name\":\"retention\"")
          .contains("retention.dropped.rows");
      assertThat(client.toBlocking().retrieve("/metrics"))
          .contains("icegate_maintain_retention_dropped_rows_total{job=\"retention\"} 1.0");

      HttpResponse<?> deleted =
          client.toBlocking().exchange(HttpRequest.DELETE("/maintain/retention/team-a"));
      assertThat(deleted.getStatus().getCode()).isEqualTo(204);
      assertThat(get(client, "team-a"))
          .doesNotContain("\"stored\"")
          .contains("\"logs\":{\"period\":\"30d\",\"source\":\"default-config\"}");
      assertStatus(
          () -> client.toBlocking().exchange(HttpRequest.DELETE("/maintain/retention/team-a")),
          404,
          "No retention set through the API for tenant team-a");
    }
  }

  @Test
  void badTenantsSignalsAndPeriodsGetA400NamingThem() throws Exception {
    try (ApplicationContext maintain = start(Map.of("icegate.maintain.retention.enabled", false));
        HttpClient client = client(maintain)) {
      assertStatus(
          () -> client.toBlocking().exchange(put("team-a", "{\"logz\":\"1d\"}")),
          400,
          "Invalid retention of tenant team-a: logz: Unknown signal 'logz' (expected logs, spans,"
              + " metrics or events)");
      assertStatus(
          () -> client.toBlocking().exchange(put("team-a", "{\"logs\":\"30x\"}")),
          400,
          "logs: Invalid retention period '30x': expected a duration such as 30d");
      assertStatus(
          () -> client.toBlocking().exchange(put("team-a", "{\"logs\":\"12h\"}")),
          400,
          "logs: Invalid retention period '12h': must be at least 1d");
      assertStatus(
          () -> client.toBlocking().exchange(put("team-a", "{\"logs\":30}")),
          400,
          "logs: expected a duration string such as \\\"30d\\\", got 30");
      assertStatus(
          () -> client.toBlocking().exchange(put("team-a", "[\"30d\"]")),
          400,
          "body: expected a JSON object of periods by signal");
      assertStatus(
          () -> client.toBlocking().exchange(put("team-a", "{\"logs\":")),
          400,
          "body: not valid JSON");
      assertStatus(
          () -> client.toBlocking().exchange(HttpRequest.GET("/maintain/retention/team.a")),
          400,
          "Invalid tenant id 'team.a'");
      // Nothing was stored by the rejected calls.
      assertThat(get(client, "team-a")).doesNotContain("\"stored\"");
    }
  }

  @Test
  void aBadConfiguredPeriodStopsTheServiceNamingTheKey() {
    assertThatThrownBy(() -> start(Map.of("icegate.maintain.retention.default.logs", "soon")))
        .satisfies(
            e ->
                assertThat(StartupFailure.describe(e))
                    .contains(
                        "icegate.maintain.retention.default.logs: Invalid retention period"
                            + " 'soon'"));
    assertThatThrownBy(
            () -> start(Map.of("icegate.maintain.retention.tenants.team-a.traces", "7d")))
        .satisfies(
            e ->
                assertThat(StartupFailure.describe(e))
                    .contains(
                        "icegate.maintain.retention.tenants.team-a.traces: Unknown signal"
                            + " 'traces'"));
  }

  private static HttpRequest<String> put(String tenant, String body) {
    return json(HttpRequest.PUT("/maintain/retention/" + tenant, body));
  }

  private static <T> HttpRequest<T> json(io.micronaut.http.MutableHttpRequest<T> request) {
    return request.contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  private static String get(HttpClient client, String tenant) {
    return client.toBlocking().retrieve("/maintain/retention/" + tenant);
  }

  private static void assertStatus(Runnable call, int status, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            HttpClientResponseException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(status);
              assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains(message);
            });
  }

  private static void write(Table table, String tenant, LocalDate day) {
    List<Record> rows = new ArrayList<>();
    GenericRecord row = GenericRecord.create(LakeTables.logs().schema());
    row.setField("tenant_id", tenant);
    row.setField("timestamp", OffsetDateTime.of(day.atTime(1, 0), ZoneOffset.UTC));
    row.setField("service_name", "svc");
    row.setField("body", tenant + " " + day);
    rows.add(row);
    table.refresh();
    AppendFiles append = table.newAppend();
    new PartitionedFileWriter(table, 1L << 20).write(rows).forEach(append::appendFile);
    append.commit();
  }

  private static int rows(ApplicationContext context, String tenant) {
    LakeView view =
        new LakeView(
            context.getBean(ObjectStoreCatalog.class),
            context.getBean(ObjectStore.class),
            Duration.ofMinutes(15));
    return view.read(LakeQuery.all(new TenantId(tenant), WalSignal.LOGS)).size();
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
