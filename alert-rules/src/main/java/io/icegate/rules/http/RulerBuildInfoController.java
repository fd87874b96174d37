package io.icegate.rules.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/v1/status/buildinfo} in Mimir's shape: Grafana's Prometheus data source reads
 * {@code data.features.ruler_config_api == "true"} (a string) to offer rule editing through {@code
 * /config/v1/rules}. {@code application} must be {@code Grafana Mimir} for some Grafana versions
 * (GRAFANA-CALLS.md item 1). When the Prometheus API lands on the query port, its buildinfo must
 * keep these fields; this controller then moves there (docs/alerting.md).
 */
@Controller("/api/v1/status/buildinfo")
final class RulerBuildInfoController {
  static final String VERSION =
      RulerBuildInfoController.class.getPackage().getImplementationVersion() == null
          ? "0.1.0"
          : RulerBuildInfoController.class.getPackage().getImplementationVersion();

  @Get
  HttpResponse<byte[]> buildInfo() {
    String json =
        "{\"status\":\"success\",\"data\":{\"application\":\"Grafana Mimir\",\"version\":\""
            + VERSION
            + "\",\"revision\":\"\",\"branch\":\"\",\"goVersion\":\"\",\"features\":{"
            + "\"ruler_config_api\":\"true\",\"alertmanager_config_api\":\"false\","
            + "\"query_sharding\":\"false\",\"federated_rules\":\"false\"}}}";
    return RulesHttp.body(
        HttpStatus.OK, MediaType.APPLICATION_JSON_TYPE, json.getBytes(StandardCharsets.UTF_8));
  }
}
