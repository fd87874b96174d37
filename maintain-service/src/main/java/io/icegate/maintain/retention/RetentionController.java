package io.icegate.maintain.retention;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.tenant.TenantId;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.util.JsonUtil;

/**
 * {@code GET/PUT/DELETE /maintain/retention/{tenant}}: a tenant's retention periods by signal, set
 * through the API (they win over configuration for that tenant, signal by signal). PUT takes {@code
 * {"logs":"30d","spans":"7d"}} and replaces the tenant's whole API policy; DELETE removes it, so
 * configuration applies again. Answers show the stored policy and the effective period of every
 * signal with its source. Bad tenants, unknown signals and bad periods get a 400 naming them.
 */
@Controller("/maintain/retention")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RetentionController {
  private final RetentionStore store;
  private final RetentionRules rules;

  RetentionController(RetentionStore store, RetentionRules rules) {
    this.store = store;
    this.rules = rules;
  }

  /**
   * A period in effect and where it is set: {@code api}, {@code tenant-config}, {@code
   * default-config}.
   */
  @Introspected
  record EffectivePeriod(String period, String source) {}

  /** The answer of every call but DELETE. */
  @Introspected
  record TenantRetention(
      String tenant,
      @Nullable Map<String, String> stored,
      Map<String, EffectivePeriod> effective) {}

  @Get("/{tenant}")
  HttpResponse<?> get(@PathVariable String tenant) {
    return withTenant(tenant, id -> HttpResponse.ok(view(id, store.get(id))));
  }

  @Put(value = "/{tenant}", consumes = MediaType.ALL)
  HttpResponse<?> put(@PathVariable String tenant, @Nullable @Body String body) {
    return withTenant(
        tenant,
        id -> {
          RetentionPolicy policy = parseBody(body);
          store.put(id, policy);
          return HttpResponse.ok(view(id, Optional.of(policy)));
        });
  }

  @Delete("/{tenant}")
  HttpResponse<?> delete(@PathVariable String tenant) {
    return withTenant(
        tenant,
        id ->
            store.delete(id)
                ? HttpResponse.noContent()
                : error(HttpStatus.NOT_FOUND, "No retention set through the API for tenant " + id));
  }

  private TenantRetention view(TenantId tenant, Optional<RetentionPolicy> stored) {
    Map<String, EffectivePeriod> effective = new LinkedHashMap<>();
    rules
        .effective(tenant, stored)
        .forEach(
            (signal, e) ->
                effective.put(
                    signal.id(),
                    new EffectivePeriod(
                        e.period().text(),
                        e.source().name().toLowerCase(Locale.ROOT).replace('_', '-'))));
    return new TenantRetention(
        tenant.value(), stored.map(RetentionPolicy::texts).orElse(null), effective);
  }

  private static RetentionPolicy parseBody(String body) {
    if (body == null || body.isBlank()) {
      throw new InvalidRetentionException(
          "body", "expected a JSON object of periods by signal, such as {\"logs\":\"30d\"}");
    }
    JsonNode node;
    try {
      node = JsonUtil.mapper().readTree(body);
    } catch (JsonProcessingException e) {
      throw new InvalidRetentionException("body", "not valid JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new InvalidRetentionException(
          "body", "expected a JSON object of periods by signal, such as {\"logs\":\"30d\"}");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    node.properties()
        .forEach(
            e ->
                values.put(
                    e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue()));
    return RetentionPolicy.parse(values, "");
  }

  private interface TenantCall {
    HttpResponse<?> apply(TenantId tenant);
  }

  private static HttpResponse<?> withTenant(String tenant, TenantCall call) {
    TenantId id;
    try {
      id = new TenantId(tenant);
    } catch (IllegalArgumentException e) {
      return error(HttpStatus.BAD_REQUEST, e.getMessage());
    }
    try {
      return call.apply(id);
    } catch (InvalidRetentionException e) {
      return error(
          HttpStatus.BAD_REQUEST, "Invalid retention of tenant " + id + ": " + e.getMessage());
    }
  }

  private static HttpResponse<?> error(HttpStatus status, String message) {
    return HttpResponse.status(status).body(Map.of("error", message));
  }
}
