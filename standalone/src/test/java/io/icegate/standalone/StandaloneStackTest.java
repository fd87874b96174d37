package io.icegate.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.runtime.IceGateService;
import io.icegate.lake.wal.WalAppender;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.loki.LokiApi;
import io.icegate.query.sql.SqlEngine;
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
}
