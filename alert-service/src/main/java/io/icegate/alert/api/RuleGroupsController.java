package io.icegate.alert.api;

import io.icegate.rules.http.RuleGroupsApi;
import io.icegate.rules.http.RulesTenantResolver;
import io.icegate.rules.store.RuleGroupVersion;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON REST API for rules (docs/alerting.md, {@code /openapi.yml}): rule groups addressed by
 * language, namespace and name; whole namespaces as Prometheus rule files; version history; rule
 * state and active alerts. Bodies are JSON, or YAML when the Content-Type says so.
 */
@Controller(AlertingApi.PREFIX)
final class RuleGroupsController {
  private final RuleGroupsApi api;
  private final RulesTenantResolver tenants;

  RuleGroupsController(RuleGroupsApi api, RulesTenantResolver tenants) {
    this.api = api;
    this.tenants = tenants;
  }

  @Get("/groups")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> list(
      HttpRequest<?> request,
      @Nullable @QueryValue String language,
      @Nullable @QueryValue String namespace) {
    return AlertingApi.call(
        request,
        tenants,
        tenant ->
            AlertingApi.json(
                HttpStatus.OK,
                Map.of(
                    "groups",
                    api.list(tenant, language, namespace).stream()
                        .map(RuleGroupResource::of)
                        .toList())));
  }

  @Get("/groups/{language}/{namespace}/{group}")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> get(
      HttpRequest<?> request,
      @PathVariable String language,
      @PathVariable String namespace,
      @PathVariable String group) {
    return AlertingApi.call(
        request,
        tenants,
        tenant ->
            AlertingApi.json(
                HttpStatus.OK, RuleGroupResource.of(api.get(tenant, language, namespace, group))));
  }

  @Put(value = "/groups/{language}/{namespace}/{group}", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> put(
      HttpRequest<byte[]> request,
      @PathVariable String language,
      @PathVariable String namespace,
      @PathVariable String group) {
    byte[] body = request.getBody(byte[].class).orElse(new byte[0]);
    return AlertingApi.call(
        request,
        tenants,
        tenant ->
            AlertingApi.json(
                HttpStatus.OK,
                RuleGroupResource.of(
                    api.put(
                        tenant, language, namespace, group, body, AlertingApi.syntax(request)))));
  }

  @Delete(value = "/groups/{language}/{namespace}/{group}", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> delete(
      HttpRequest<?> request,
      @PathVariable String language,
      @PathVariable String namespace,
      @PathVariable String group) {
    return AlertingApi.call(
        request,
        tenants,
        tenant -> {
          api.delete(tenant, language, namespace, group);
          return HttpResponse.noContent();
        });
  }

  @Get("/groups/{language}/{namespace}/{group}/versions")
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> versions(
      HttpRequest<?> request,
      @PathVariable String language,
      @PathVariable String namespace,
      @PathVariable String group) {
    return AlertingApi.call(
        request,
        tenants,
        tenant -> {
          List<Map<String, Object>> versions =
              api.versions(tenant, language, namespace, group).stream()
                  .map(RuleGroupsController::version)
                  .toList();
          return AlertingApi.json(HttpStatus.OK, Map.of("versions", versions));
        });
  }

  @Put(value = "/namespaces/{language}/{namespace}", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> putNamespace(
      HttpRequest<byte[]> request, @PathVariable String language, @PathVariable String namespace) {
    byte[] body = request.getBody(byte[].class).orElse(new byte[0]);
    return AlertingApi.call(
        request,
        tenants,
        tenant ->
            AlertingApi.json(
                HttpStatus.OK,
                Map.of(
                    "groups",
                    api
                        .replaceNamespace(
                            tenant, language, namespace, body, AlertingApi.syntax(request))
                        .stream()
                        .map(RuleGroupResource::of)
                        .toList())));
  }

  @Delete(value = "/namespaces/{language}/{namespace}", consumes = MediaType.ALL)
  @ExecuteOn(TaskExecutors.BLOCKING)
  HttpResponse<byte[]> deleteNamespace(
      HttpRequest<?> request, @PathVariable String language, @PathVariable String namespace) {
    return AlertingApi.call(
        request,
        tenants,
        tenant -> {
          api.deleteNamespace(tenant, language, namespace);
          return HttpResponse.noContent();
        });
  }

  private static Map<String, Object> version(RuleGroupVersion version) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("version", version.version());
    out.put("deleted", version.deleted());
    out.put("writtenAt", version.writtenAt());
    out.put("source", version.source());
    return out;
  }
}
