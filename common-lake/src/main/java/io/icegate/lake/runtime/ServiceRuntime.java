package io.icegate.lake.runtime;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts one service in its own Micronaut context, so the standalone mode can run all five in one
 * JVM and each single-service main runs one.
 *
 * <p>Every context scans the whole classpath; the {@link IceGateService#PROPERTY} set here is what
 * each service's package-level requirement checks, so a context only carries its own service's
 * controllers and jobs. It is set as a builder property because those win over {@code -D} flags and
 * environment variables, which would otherwise leak into every context of one JVM.
 */
public final class ServiceRuntime {
  private static final int SERVICE_DEFAULTS = -250;

  private ServiceRuntime() {}

  /**
   * Starts {@code service} with {@code overrides} (highest precedence) over the user's
   * configuration (command line, system properties, environment, application.yml) over the
   * service's defaults; returns the running context, which the caller closes.
   */
  public static ApplicationContext start(
      IceGateService service, Map<String, Object> overrides, String... args) {
    return start(service, overrides, List.of(), args);
  }

  /**
   * As {@link #start(IceGateService, Map, String...)}, with {@code singletons} registered as beans
   * before the context starts (tests put in-memory fakes in place of a service's collaborators).
   */
  public static ApplicationContext start(
      IceGateService service,
      Map<String, Object> overrides,
      List<Object> singletons,
      String... args) {
    Map<String, Object> defaults = new HashMap<>();
    defaults.put("micronaut.server.port", service.defaultHttpPort());
    defaults.put("micronaut.application.name", "icegate-" + service.id());

    Map<String, Object> forced = new HashMap<>(overrides);
    forced.put(IceGateService.PROPERTY, service.id());

    ApplicationContext context =
        ApplicationContext.builder()
            .args(args)
            // Lowest precedence: anything the user configures wins over these.
            .propertySources(PropertySource.of("icegate-defaults", defaults, Integer.MIN_VALUE))
            // Above application.yml (-300), which states shared defaults such as gRPC off, and
            // below environment variables (-200), system properties and the command line.
            .propertySources(
                PropertySource.of("icegate-service-defaults", service.defaults(), SERVICE_DEFAULTS))
            .properties(forced)
            .deduceEnvironment(false)
            .singletons(singletons.toArray())
            .start();
    try {
      context.getBean(EmbeddedServer.class).start();
      return context;
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
  }

  /** The port the service's HTTP server listens on. */
  public static int httpPort(ApplicationContext context) {
    return context.getBean(EmbeddedServer.class).getPort();
  }
}
