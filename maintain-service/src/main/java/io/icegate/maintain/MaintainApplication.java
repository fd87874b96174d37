package io.icegate.maintain;

import io.icegate.lake.runtime.IceGateService;
import io.icegate.lake.runtime.ServiceMain;
import io.icegate.lake.runtime.ServiceRuntime;
import io.micronaut.context.ApplicationContext;
import java.util.Map;

/** Entry points of the maintain service: its own deployable and the programmatic start. */
public final class MaintainApplication {
  private MaintainApplication() {}

  public static void main(String[] args) {
    ServiceMain.run(IceGateService.MAINTAIN, args);
  }

  /** Starts the service in a new context; {@code overrides} win over all other configuration. */
  public static ApplicationContext start(Map<String, Object> overrides) {
    return ServiceRuntime.start(IceGateService.MAINTAIN, overrides);
  }
}
