package io.icegate.maintain.retention;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.tenant.TenantId;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.iceberg.util.JsonUtil;

/**
 * The retention policies set through the REST API, as chains of create-only versions (DESIGN.md §3:
 * every mutable thing is a chain of immutable numbered objects): {@code
 * state/maintain/retention/{tenant}/v{N:020}.json}. The newest version of a tenant is its policy; a
 * DELETE writes a version marked {@code deleted}. Two writers racing for one version number: the
 * loser reads the winner's version and tries the next number.
 */
public final class RetentionStore {
  static final String PREFIX = "state/maintain/retention/";
  private static final int MAX_ATTEMPTS = 10;

  private final ObjectStore store;
  private final Clock clock;

  public RetentionStore(ObjectStore store, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** The tenant's policy, if one is set (a deleted one is not). */
  public Optional<RetentionPolicy> get(TenantId tenant) {
    return newest(tenant).flatMap(key -> decode(key, store.get(key)));
  }

  /** Every tenant's policy that is set. */
  public Map<TenantId, RetentionPolicy> all() {
    Map<String, String> newestByTenant = new LinkedHashMap<>();
    try (Stream<ObjectInfo> objects = store.list(PREFIX)) {
      // Keys list in order, so the last one seen per tenant is its newest version.
      objects
          .map(ObjectInfo::key)
          .filter(key -> key.endsWith(".json"))
          .forEach(key -> newestByTenant.put(tenantOf(key), key));
    }
    Map<TenantId, RetentionPolicy> policies = new LinkedHashMap<>();
    newestByTenant.forEach(
        (tenant, key) ->
            decode(key, store.get(key)).ifPresent(p -> policies.put(new TenantId(tenant), p)));
    return policies;
  }

  /** Sets the tenant's policy (a new version). */
  public void put(TenantId tenant, RetentionPolicy policy) {
    write(tenant, policy, false);
  }

  /**
   * Removes the tenant's policy, so configuration applies again.
   *
   * @return false when none was set
   */
  public boolean delete(TenantId tenant) {
    if (get(tenant).isEmpty()) {
      return false;
    }
    write(tenant, RetentionPolicy.EMPTY, true);
    return true;
  }

  private void write(TenantId tenant, RetentionPolicy policy, boolean deleted) {
    String token = UUID.randomUUID().toString();
    for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      long version = newest(tenant).map(RetentionStore::versionOf).orElse(0L) + 1;
      ObjectNode record = JsonUtil.mapper().createObjectNode();
      record.put("tenant", tenant.value());
      record.put("version", version);
      record.put("deleted", deleted);
      record.put("updated-at-ms", clock.millis());
      // Unique per logical write, so a 412 on our own landed attempt resolves as ours.
      record.put("token", token);
      ObjectNode retention = record.putObject("retention");
      policy.texts().forEach(retention::put);
      if (store.putIfAbsent(key(tenant, version), bytes(record))) {
        return;
      }
    }
    throw new IllegalStateException(
        "Cannot store retention of tenant "
            + tenant
            + ": "
            + MAX_ATTEMPTS
            + " concurrent writers won first");
  }

  private Optional<String> newest(TenantId tenant) {
    try (Stream<ObjectInfo> objects = store.list(PREFIX + tenant.value() + "/")) {
      List<String> keys = objects.map(ObjectInfo::key).filter(k -> k.endsWith(".json")).toList();
      return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(keys.size() - 1));
    }
  }

  private static Optional<RetentionPolicy> decode(String key, byte[] data) {
    JsonNode node;
    try {
      node = JsonUtil.mapper().readTree(data);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("Cannot read retention version " + key, e);
    }
    if (node.path("deleted").asBoolean(false)) {
      return Optional.empty();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    node.path("retention").properties().forEach(e -> values.put(e.getKey(), e.getValue().asText()));
    return Optional.of(RetentionPolicy.parse(values, key));
  }

  private static byte[] bytes(ObjectNode record) {
    try {
      return JsonUtil.mapper().writeValueAsString(record).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode retention record", e);
    }
  }

  static String key(TenantId tenant, long version) {
    return String.format("%s%s/v%020d.json", PREFIX, tenant.value(), version);
  }

  private static String tenantOf(String key) {
    String rest = key.substring(PREFIX.length());
    return rest.substring(0, rest.indexOf('/'));
  }

  private static long versionOf(String key) {
    String file = key.substring(key.lastIndexOf('/') + 2);
    return Long.parseLong(file.substring(0, file.length() - ".json".length()));
  }
}
