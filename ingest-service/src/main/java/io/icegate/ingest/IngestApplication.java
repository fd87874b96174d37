package io.icegate.ingest;

import io.icegate.lake.runtime.IceGateService;
import io.icegate.lake.runtime.ServiceMain;
import io.icegate.lake.runtime.ServiceRuntime;
import io.micronaut.context.ApplicationContext;
import java.util.Map;

/** Entry points of the ingest service: its own deployable and the programmatic start. */
public final class IngestApplication {
  private IngestApplication() {}

  public static void main(String[] args) {
    ServiceMain.run(IceGateService.INGEST, args);
  }

  /** Starts the service in a new context; {@code overrides} win over all other configuration. */
  public static ApplicationContext start(Map<String, Object> overrides) {
    return ServiceRuntime.start(IceGateService.INGEST, overrides);
  }
}
