package io.icegate.lake.runtime;

import java.util.Locale;
import java.util.Map;

/** The five services, their names (the value of {@code icegate.service}) and default ports. */
public enum IceGateService {
  CATALOG(8181),
  // OTLP/HTTP, health and metrics share 4318; OTLP/gRPC adds 4317 (see defaults()).
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
   * The service's own defaults beyond its HTTP port (lowest precedence). Ingest opens OTLP/gRPC on
   * 4317, the only gRPC server of the stack, and reads compressed OTLP/HTTP bodies itself so that
   * it can cap their decompressed size; its HTTP and gRPC size caps follow its ingest limits.
   */
  public Map<String, Object> defaults() {
    if (this != INGEST) {
      return Map.of();
    }
    return Map.of(
        "grpc.server.enabled",
        true,
        "grpc.server.port",
        4317,
        "grpc.server.health.enabled",
        true,
        "grpc.server.max-inbound-message-size",
        "${icegate.ingest.limits.max-decompressed-bytes:67108864}",
        "micronaut.server.max-request-size",
        "${icegate.ingest.limits.max-request-bytes:16777216}",
        "micronaut.server.netty.request-decompression-enabled",
        false);
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
