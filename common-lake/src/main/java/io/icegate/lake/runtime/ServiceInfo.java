package io.icegate.lake.runtime;

import static java.util.Objects.requireNonNull;

import io.micronaut.core.annotation.Introspected;

/** What {@code GET /info} answers: the service on this port and the IceGate version. */
@Introspected
public record ServiceInfo(String service, String version) {
  public ServiceInfo {
    requireNonNull(service, "service is null");
    requireNonNull(version, "version is null");
  }

  public static ServiceInfo of(String service) {
    String version = ServiceInfo.class.getPackage().getImplementationVersion();
    return new ServiceInfo(service, version == null ? "dev" : version);
  }
}
