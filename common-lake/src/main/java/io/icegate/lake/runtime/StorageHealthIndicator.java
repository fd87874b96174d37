package io.icegate.lake.runtime;

import io.icegate.lake.store.ObjectStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/** Readiness: the object store answers a listing (the service can do nothing without it). */
@Singleton
@Readiness
@Requires(beans = HealthEndpoint.class)
final class StorageHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
  private final ObjectStore store;

  StorageHealthIndicator(ObjectStore store) {
    this.store = store;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    try (var listing = store.list("catalog/", Optional.empty())) {
      listing.findFirst();
    }
    healthStatus = HealthStatus.UP;
    return Map.of();
  }

  @Override
  protected String getName() {
    return "storage";
  }
}
