package io.icegate.alert.api;

import io.icegate.rules.http.RuleGroupsApi;
import io.icegate.rules.http.RulesTenantResolver;
import io.icegate.rules.model.PromDuration;
import io.icegate.rules.model.Rule;
import io.icegate.rules.store.StoredRuleGroup;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rule state and active alerts in the JSON REST API. Evaluation is the next step
 * (docs/alerting.md): until then every rule is {@code inactive}, its health {@code unknown}, never
 * evaluated, and there are no active alerts.
 */
@Controller(AlertingApi.PREFIX)
final class RuleStateController {
  private final RuleGroupsApi api;
  private final RulesTenantResolver tenants;

  RuleStateController(RuleGroupsApi api, RulesTenantResolver tenants) {
    this.api = api;
    this.tenants = tenants;
  }

  @Get("/rules")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> rules(
      HttpRequest<?> request,
      @Nullable @QueryValue String language,
      @Nullable @QueryValue String namespace) {
    return AlertingApi.call(
        request,
        tenants,
        tenant -> {
          List<Map<String, Object>> groups = new ArrayList<>();
          for (StoredRuleGroup stored : api.list(tenant, language, namespace)) {
            groups.add(group(stored));
          }
          return AlertingApi.json(HttpStatus.OK, Map.of("groups", groups));
        });
  }

  @Get("/alerts")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> alerts(HttpRequest<?> request) {
    return AlertingApi.call(
        request, tenants, tenant -> AlertingApi.json(HttpStatus.OK, Map.of("alerts", List.of())));
  }

  private static Map<String, Object> group(StoredRuleGroup stored) {
    Map<String, Object> group = new LinkedHashMap<>();
    group.put("language", stored.language().id());
    group.put("namespace", stored.namespace());
    group.put("name", stored.group().name());
    group.put("version", stored.version());
    List<Map<String, Object>> rules = new ArrayList<>();
    for (Rule rule : stored.group().rules()) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("name", rule.name());
      out.put("type", rule.alerting() ? "alerting" : "recording");
      out.put("query", rule.expr());
      if (rule.alerting()) {
        out.put("state", "inactive");
        out.put("forSeconds", seconds(rule.forDuration()));
      }
      out.put("health", "unknown");
      out.put("labels", rule.labels());
      out.put("annotations", rule.annotations());
      out.put("lastEvaluation", null);
      out.put("activeAlerts", 0);
      rules.add(out);
    }
    group.put("rules", rules);
    return group;
  }

  private static double seconds(String duration) {
    return duration == null
        ? 0
        : PromDuration.parse(duration).orElse(Duration.ZERO).toMillis() / 1000.0;
  }
}
