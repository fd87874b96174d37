package io.icegate.alert;

import io.icegate.lake.runtime.IceGateService;
import io.icegate.lake.runtime.ServiceMain;
import io.icegate.lake.runtime.ServiceRuntime;
import io.micronaut.context.ApplicationContext;
import java.util.Map;

/** Entry points of the alert service: its own deployable and the programmatic start. */
public final class AlertApplication {
  private AlertApplication() {}

  public static void main(String[] args) {
    ServiceMain.run(IceGateService.ALERT, args);
  }

  /** Starts the service in a new context; {@code overrides} win over all other configuration. */
  public static ApplicationContext start(Map<String, Object> overrides) {
    return ServiceRuntime.start(IceGateService.ALERT, overrides);
  }
}
