package io.icegate.lake.runtime;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;

/**
 * {@code GET /metrics} in the Prometheus text format, on every service's HTTP port (Micronaut's own
 * {@code /metrics} endpoint serves JSON and is disabled in application.yml).
 */
@Controller("/metrics")
public final class MetricsController {
  private final PrometheusMeterRegistry registry;

  MetricsController(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Get
  @Produces("text/plain; version=0.0.4; charset=utf-8")
  public String scrape() {
    return registry.scrape();
  }
}
