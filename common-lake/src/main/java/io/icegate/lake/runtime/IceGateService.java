package io.icegate.lake.runtime;

import java.util.Locale;

/** The five services, their names (the value of {@code icegate.service}) and default ports. */
public enum IceGateService {
  CATALOG(8181),
  // OTLP/HTTP, health and metrics share 4318; OTLP/gRPC adds 4317 (see the OTLP issue).
  INGEST(4318),
  QUERY(3100),
  MAINTAIN(8085),
  ALERT(8084);

  /** Property every context carries; each service's beans require their own value of it. */
  public static final String PROPERTY = "icegate.service";

  private final int defaultHttpPort;

  IceGateService(int defaultHttpPort) {
    this.defaultHttpPort = defaultHttpPort;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public int defaultHttpPort() {
    return defaultHttpPort;
  }

  /**
   * The service named {@code id}.
   *
   * @throws IllegalArgumentException naming the valid choices
   */
  public static IceGateService of(String id) {
    for (IceGateService service : values()) {
      if (service.id().equals(id)) {
        return service;
      }
    }
    throw new IllegalArgumentException(
        "Unknown service '" + id + "' (expected catalog, ingest, query, maintain or alert)");
  }
}
