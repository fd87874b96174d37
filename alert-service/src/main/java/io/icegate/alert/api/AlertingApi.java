package io.icegate.alert.api;

import io.icegate.lake.tenant.TenantId;
import io.icegate.rules.http.RulesHttp;
import io.icegate.rules.http.RulesTenantResolver;
import io.icegate.rules.model.InvalidRuleException;
import io.icegate.rules.model.RuleCodec;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What every call of the JSON REST API shares: its prefix, the tenant, and errors as {@code
 * {"message": ..., "position": {"line", "column"}}} with the status {@link RulesHttp} gives them.
 * ({@code message} is the field Grafana and most HTTP tooling show.)
 */
final class AlertingApi {
  static final String PREFIX = "/api/v1/alerting";

  private AlertingApi() {}

  static HttpResponse<byte[]> call(
      HttpRequest<?> request,
      RulesTenantResolver tenants,
      Function<TenantId, HttpResponse<byte[]>> handler) {
    try {
      return handler.apply(tenants.resolve(request));
    } catch (RuntimeException e) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("message", RulesHttp.message(e));
      if (e instanceof InvalidRuleException invalid && invalid.position().isPresent()) {
        error.put(
            "position",
            Map.of(
                "line", invalid.position().get().line(),
                "column", invalid.position().get().column()));
      }
      return json(RulesHttp.status(e), error);
    }
  }

  static HttpResponse<byte[]> json(HttpStatus status, Object body) {
    return RulesHttp.body(status, MediaType.APPLICATION_JSON_TYPE, RuleCodec.json(body));
  }

  /** YAML when the Content-Type says so, else JSON. */
  static RuleCodec.Syntax syntax(HttpRequest<?> request) {
    String type = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
    return type != null && type.toLowerCase(Locale.ROOT).contains("yaml")
        ? RuleCodec.Syntax.YAML
        : RuleCodec.Syntax.JSON;
  }
}
