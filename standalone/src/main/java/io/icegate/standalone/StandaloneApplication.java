package io.icegate.standalone;

import io.icegate.lake.runtime.IceGateService;
import io.icegate.lake.runtime.ServiceMain.LaunchOptions;
import io.icegate.lake.runtime.StartupFailure;
import java.nio.file.Path;
import java.util.Map;

/**
 * The quick start: all five services in one JVM on a local folder ({@code ./data} unless {@code
 * --data-dir} says otherwise).
 */
public final class StandaloneApplication {
  private StandaloneApplication() {}

  public static void main(String[] args) {
    StandaloneStack stack;
    try {
      LaunchOptions options = LaunchOptions.parse(args);
      Path dataDir = Path.of(options.dataDir().orElse("data")).toAbsolutePath().normalize();
      stack =
          StandaloneStack.start(
              Map.of("icegate.storage.type", "local", "icegate.storage.root", dataDir.toString()),
              options.micronautArgs());
      System.out.println("IceGate standalone is up; data in " + dataDir);
    } catch (RuntimeException e) {
      System.err.println("icegate: cannot start: " + StartupFailure.describe(e));
      System.exit(2);
      return;
    }
    for (IceGateService service : IceGateService.values()) {
      System.out.printf("  %-8s http://localhost:%d%n", service.id(), stack.httpPort(service));
    }
    System.out.println("Press Ctrl-C to stop.");
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "icegate-shutdown"));
  }
}
