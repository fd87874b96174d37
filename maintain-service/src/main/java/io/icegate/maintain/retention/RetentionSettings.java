package io.icegate.maintain.retention;

import io.icegate.lake.config.InvalidConfigurationException;
import io.icegate.lake.tenant.TenantId;
import io.micronaut.core.naming.conventions.StringConvention;
import io.micronaut.core.value.PropertyResolver;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the configured retention periods: {@code icegate.maintain.retention.default.<signal>} and
 * {@code icegate.maintain.retention.tenants.<tenant>.<signal>}. A bad value stops the service at
 * start with the key named.
 */
public final class RetentionSettings {
  static final String DEFAULT_PREFIX = "icegate.maintain.retention.default";
  static final String TENANTS_PREFIX = "icegate.maintain.retention.tenants";

  private RetentionSettings() {}

  public static RetentionRules read(PropertyResolver properties) {
    Map<String, String> defaults =
        flat(properties.getProperties(DEFAULT_PREFIX, StringConvention.RAW));
    Map<String, String> tenantValues =
        flat(properties.getProperties(TENANTS_PREFIX, StringConvention.RAW));
    return rules(defaults, tenantValues);
  }

  /**
   * Builds the rules from flat keys: {@code defaults} by signal, {@code tenants} by {@code
   * <tenant>.<signal>}.
   */
  static RetentionRules rules(Map<String, String> defaults, Map<String, String> tenants) {
    RetentionPolicy defaultPolicy = parse(defaults, DEFAULT_PREFIX);
    Map<String, Map<String, String>> byTenant = new LinkedHashMap<>();
    for (Map.Entry<String, String> entry : tenants.entrySet()) {
      int dot = entry.getKey().lastIndexOf('.');
      if (dot <= 0) {
        throw new InvalidConfigurationException(
            TENANTS_PREFIX + "." + entry.getKey(), "expected tenants.<tenant>.<signal>");
      }
      byTenant
          .computeIfAbsent(entry.getKey().substring(0, dot), t -> new LinkedHashMap<>())
          .put(entry.getKey().substring(dot + 1), entry.getValue());
    }
    Map<TenantId, RetentionPolicy> tenantPolicies = new LinkedHashMap<>();
    byTenant.forEach(
        (tenant, values) -> {
          TenantId id;
          try {
            id = new TenantId(tenant);
          } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(TENANTS_PREFIX + "." + tenant, e.getMessage());
          }
          tenantPolicies.put(id, parse(values, TENANTS_PREFIX + "." + tenant));
        });
    return new RetentionRules(defaultPolicy, tenantPolicies);
  }

  private static RetentionPolicy parse(Map<String, String> values, String prefix) {
    try {
      return RetentionPolicy.parse(values, prefix);
    } catch (InvalidRetentionException e) {
      throw new InvalidConfigurationException(e.field(), e.problem());
    }
  }

  /** Nested maps (from YAML) and flat keys (from properties) alike, as dotted keys. */
  private static Map<String, String> flat(Map<String, Object> values) {
    Map<String, String> flat = new LinkedHashMap<>();
    flatten("", values, flat);
    return flat;
  }

  private static void flatten(String prefix, Map<?, ?> values, Map<String, String> into) {
    for (Map.Entry<?, ?> entry : values.entrySet()) {
      String key = prefix + entry.getKey();
      if (entry.getValue() instanceof Map<?, ?> nested) {
        flatten(key + ".", nested, into);
      } else if (entry.getValue() != null) {
        into.put(key, entry.getValue().toString());
      }
    }
  }
}
