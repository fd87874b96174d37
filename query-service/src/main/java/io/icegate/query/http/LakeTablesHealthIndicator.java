package io.icegate.query.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/** Readiness: every signal table loads from the catalog (queries need all four). */
@Singleton
@Readiness
@Requires(beans = HealthEndpoint.class)
final class LakeTablesHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
  private final QueryTables tables;

  LakeTablesHealthIndicator(QueryTables tables) {
    this.tables = tables;
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    List<String> missing = tables.missing();
    healthStatus = missing.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN;
    return missing.isEmpty() ? Map.of() : Map.of("missing", missing);
  }

  @Override
  protected String getName() {
    return "lake-tables";
  }
}
