package io.icegate.maintain.retention;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalSignal;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which retention period applies to a tenant's signal, from three sources in order: the tenant's
 * policy set through the REST API, the tenant's configuration ({@code
 * icegate.maintain.retention.tenants.<tenant>.<signal>}), the default ({@code
 * icegate.maintain.retention.default.<signal>}). The first source that names the signal wins, as
 * Loki's per-tenant overrides fall back field by field. None: no retention (nothing is deleted).
 */
public record RetentionRules(RetentionPolicy defaults, Map<TenantId, RetentionPolicy> tenants) {
  public RetentionRules {
    requireNonNull(defaults, "defaults is null");
    tenants = Map.copyOf(tenants);
  }

  /** Where a tenant's period comes from. */
  public enum Source {
    API,
    TENANT_CONFIG,
    DEFAULT_CONFIG
  }

  /** A period and where it was set. */
  public record Effective(RetentionPeriod period, Source source) {}

  /**
   * The period that applies.
   *
   * @param stored the tenant's policy from the REST API, if any
   */
  public Optional<Effective> effective(
      TenantId tenant, WalSignal signal, Optional<RetentionPolicy> stored) {
    RetentionPeriod fromApi = stored.map(p -> p.periods().get(signal)).orElse(null);
    if (fromApi != null) {
      return Optional.of(new Effective(fromApi, Source.API));
    }
    RetentionPolicy configured = tenants.get(tenant);
    if (configured != null && configured.periods().containsKey(signal)) {
      return Optional.of(new Effective(configured.periods().get(signal), Source.TENANT_CONFIG));
    }
    RetentionPeriod fallback = defaults.periods().get(signal);
    return Optional.ofNullable(fallback).map(p -> new Effective(p, Source.DEFAULT_CONFIG));
  }

  /** Every signal's effective period for a tenant. */
  public Map<WalSignal, Effective> effective(TenantId tenant, Optional<RetentionPolicy> stored) {
    Map<WalSignal, Effective> all = new EnumMap<>(WalSignal.class);
    for (WalSignal signal : WalSignal.values()) {
      effective(tenant, signal, stored).ifPresent(e -> all.put(signal, e));
    }
    return all;
  }
}
