package io.icegate.standalone;

import io.icegate.alert.AlertApplication;
import io.icegate.catalog.CatalogApplication;
import io.icegate.ingest.IngestApplication;
import io.icegate.lake.runtime.IceGateService;
import io.icegate.lake.runtime.ServiceRuntime;
import io.icegate.maintain.MaintainApplication;
import io.icegate.query.QueryApplication;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The five services running in this JVM, one Micronaut context each. */
public final class StandaloneStack implements AutoCloseable {
  private final Map<IceGateService, ApplicationContext> contexts;

  private StandaloneStack(Map<IceGateService, ApplicationContext> contexts) {
    this.contexts = contexts;
  }

  /**
   * Starts the services in dependency order (the catalog first: the others create their tables
   * through it). {@code overrides} apply to every context; {@code args} are Micronaut {@code
   * --key=value} arguments, also shared. If one service fails, those already started are stopped.
   */
  public static StandaloneStack start(Map<String, Object> overrides, List<String> args) {
    Map<IceGateService, ApplicationContext> started = new EnumMap<>(IceGateService.class);
    try {
      for (IceGateService service : IceGateService.values()) {
        Map<String, Object> properties = new HashMap<>(overrides);
        for (String arg : args) {
          int eq = arg.indexOf('=');
          properties.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        started.put(service, startOne(service, properties));
      }
      return new StandaloneStack(started);
    } catch (RuntimeException e) {
      new StandaloneStack(started).close();
      throw e;
    }
  }

  private static ApplicationContext startOne(
      IceGateService service, Map<String, Object> properties) {
    return switch (service) {
      case CATALOG -> CatalogApplication.start(properties);
      case INGEST -> IngestApplication.start(properties);
      case QUERY -> QueryApplication.start(properties);
      case MAINTAIN -> MaintainApplication.start(properties);
      case ALERT -> AlertApplication.start(properties);
    };
  }

  public int httpPort(IceGateService service) {
    return ServiceRuntime.httpPort(contexts.get(service));
  }

  /** The context of one service, for tests that check which beans it holds. */
  ApplicationContext context(IceGateService service) {
    return contexts.get(service);
  }

  /** Stops the services in reverse start order. */
  @Override
  public void close() {
    List<ApplicationContext> reverse = new ArrayList<>(contexts.values());
    Collections.reverse(reverse);
    reverse.forEach(ApplicationContext::close);
    contexts.clear();
  }
}
