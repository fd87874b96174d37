package io.icegate.rules.http;

import io.icegate.lake.tenant.TenantId;
import io.icegate.rules.model.RuleLanguage;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The rule and alert listings in Prometheus' JSON: {@code /prometheus/api/v1/*} lists the LogQL
 * rules (Grafana's Loki data source), {@code /api/v1/*} the PromQL rules (its Prometheus data
 * source). Errors are Prometheus' {@code {"status":"error",...}}.
 */
@Controller
final class RuleStateController {
  private final RuleStateApi api;
  private final RulesTenantResolver tenants;

  RuleStateController(RuleStateApi api, RulesTenantResolver tenants) {
    this.api = api;
    this.tenants = tenants;
  }

  @Get("/prometheus/api/v1/rules")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> lokiRules(HttpRequest<?> request) {
    return call(request, tenant -> api.rules(tenant, RuleLanguage.LOGQL, params(request)));
  }

  @Get("/prometheus/api/v1/alerts")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> lokiAlerts(HttpRequest<?> request) {
    return call(request, tenant -> api.alerts(tenant, RuleLanguage.LOGQL));
  }

  @Get("/api/v1/rules")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> prometheusRules(HttpRequest<?> request) {
    return call(request, tenant -> api.rules(tenant, RuleLanguage.PROMQL, params(request)));
  }

  @Get("/api/v1/alerts")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> prometheusAlerts(HttpRequest<?> request) {
    return call(request, tenant -> api.alerts(tenant, RuleLanguage.PROMQL));
  }

  private HttpResponse<byte[]> call(HttpRequest<?> request, Function<TenantId, byte[]> listing) {
    try {
      byte[] body = listing.apply(tenants.resolve(request));
      return RulesHttp.body(HttpStatus.OK, MediaType.APPLICATION_JSON_TYPE, body);
    } catch (RuntimeException e) {
      HttpStatus status = RulesHttp.status(e);
      String type = status == HttpStatus.BAD_REQUEST ? "bad_data" : "internal";
      return RulesHttp.body(
          status, MediaType.APPLICATION_JSON_TYPE, RuleStateApi.error(type, RulesHttp.message(e)));
    }
  }

  private static Map<String, List<String>> params(HttpRequest<?> request) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (String name : request.getParameters().names()) {
      params.put(name, request.getParameters().getAll(name));
    }
    return params;
  }
}
