package io.icegate.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.runtime.IceGateService;
import io.icegate.lake.wal.WalAppender;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.loki.LokiApi;
import io.icegate.query.sql.SqlEngine;
import io.icegate.rules.store.RuleStore;
import io.micronaut.context.ApplicationContext;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every service of the all-in-one JVM on its own port, with health, info and metrics. */
class StandaloneStackTest extends StandaloneStackFixture {
  @ParameterizedTest
  @EnumSource(IceGateService.class)
  void eachPortServesOnlyItsOwnService(IceGateService service) throws Exception {
    HttpResponse<String> info = get(service, "/info");

    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(info.body()).contains("\"service\":\"" + service.id() + "\"");
  }

  @ParameterizedTest
  @EnumSource(IceGateService.class)
  void everyServiceIsLiveAndReady(IceGateService service) throws Exception {
    for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
      HttpResponse<String> health = get(service, path);

      assertThat(health.statusCode()).as(path).isEqualTo(200);
      assertThat(health.body()).as(path).contains("\"status\":\"UP\"");
    }
  }

  @ParameterizedTest
  @EnumSource(IceGateService.class)
  void everyServiceServesPrometheusMetrics(IceGateService service) throws Exception {
    HttpResponse<String> metrics = get(service, "/metrics");

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge");
  }

  /**
   * The engine's beans come from module query-engine and the WAL writer from common-lake, yet they
   * exist only in the context of the service that owns them (the query service's package-info gates
   * everything under {@code io.icegate.query}).
   */
  @ParameterizedTest
  @EnumSource(IceGateService.class)
  void engineAndWalWriterBeansExistOnlyInTheirServicesContext(IceGateService service) {
    ApplicationContext context = stack.context(service);
    boolean query = service == IceGateService.QUERY;

    assertThat(context.containsBean(LakeScanner.class)).isEqualTo(query);
    assertThat(context.containsBean(LokiApi.class)).isEqualTo(query);
    assertThat(context.containsBean(SqlEngine.class)).isEqualTo(query);
    assertThat(context.containsBean(WalAppender.class)).isEqualTo(service == IceGateService.INGEST);
  }

  @Test
  void servicesListenOnDistinctPorts() {
    assertThat(List.of(IceGateService.values()).stream().map(stack::httpPort).distinct().count())
        .isEqualTo(IceGateService.values().length);
  }

  @ParameterizedTest
  @EnumSource(IceGateService.class)
  void onlyIngestTakesOtlp(IceGateService service) throws Exception {
    String log =
        "{\"resourceLogs\":[{\"scopeLogs\":[{\"logRecords\":[{\"body\":{\"stringValue\":\"hi\"}}]}]}]}";
    HttpResponse<String> response = post(service, "/v1/logs", "application/json", log);

    assertThat(response.statusCode()).isEqualTo(service == IceGateService.INGEST ? 200 : 404);
  }

  /**
   * The rules library serves Grafana's ruler calls on the query port (the data source URL) and on
   * the alert port, over the one rule store: what one creates, the other lists. No other port
   * answers them.
   */
  @ParameterizedTest
  @EnumSource(IceGateService.class)
  void onlyQueryAndAlertServeRules(IceGateService service) throws Exception {
    boolean rules = service == IceGateService.QUERY || service == IceGateService.ALERT;
    HttpResponse<String> probe = get(service, "/api/prom/rules/test/test");

    assertThat(probe.statusCode()).isEqualTo(404);
    assertThat(probe.body().contains("group does not exist")).isEqualTo(rules);
    assertThat(stack.context(service).containsBean(RuleStore.class)).isEqualTo(rules);
  }

  @Test
  void aRuleCreatedOnTheQueryPortIsListedOnTheAlertPort() throws Exception {
    String group = "name: standalone\nrules:\n- record: r\n  expr: sum(rate({a=\"b\"}[1m]))\n";
    HttpResponse<String> created =
        post(IceGateService.QUERY, "/api/prom/rules/ns", "application/yaml", group);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(202);

    HttpResponse<String> listed = get(IceGateService.ALERT, "/prometheus/api/v1/rules");
    assertThat(listed.body()).contains("\"name\":\"standalone\"", "\"file\":\"ns\"");
  }
}
