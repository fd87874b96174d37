package io.icegate.lake.runtime;

import io.micronaut.context.ApplicationContext;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code main} of a single-service deployable: starts the service, stops it on SIGTERM/Ctrl-C,
 * and turns a failed start into one clear line on stderr and exit status 2.
 */
public final class ServiceMain {
  private ServiceMain() {}

  public static void run(IceGateService service, String[] args) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      exit(service.id(), e.getMessage(), System.err);
      return;
    }
    Map<String, Object> overrides = new HashMap<>();
    options.dataDir().ifPresent(dir -> overrides.put("icegate.storage.root", dir));
    try {
      ApplicationContext context =
          ServiceRuntime.start(service, overrides, options.micronautArgs().toArray(String[]::new));
      Runtime.getRuntime().addShutdownHook(new Thread(context::close, "icegate-shutdown"));
      System.out.printf(
          "icegate-%s listening on port %d%n", service.id(), ServiceRuntime.httpPort(context));
    } catch (RuntimeException e) {
      exit(service.id(), StartupFailure.describe(e), System.err);
    }
  }

  static void exit(String who, String message, PrintStream err) {
    err.println("icegate-" + who + ": cannot start: " + message);
    System.exit(2);
  }

  /** Command-line arguments: {@code --data-dir DIR} plus Micronaut's {@code --key=value}. */
  public record LaunchOptions(java.util.Optional<String> dataDir, List<String> micronautArgs) {
    public LaunchOptions {
      micronautArgs = List.copyOf(micronautArgs);
    }

    public static LaunchOptions parse(String[] args) {
      String dataDir = null;
      List<String> rest = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--data-dir")) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("--data-dir needs a folder");
          }
          dataDir = args[++i];
        } else if (arg.startsWith("--data-dir=")) {
          dataDir = arg.substring("--data-dir=".length());
        } else if (arg.startsWith("--") && arg.contains("=")) {
          rest.add(arg);
        } else {
          throw new IllegalArgumentException(
              "unknown argument '" + arg + "' (expected --data-dir DIR or --some.property=value)");
        }
      }
      return new LaunchOptions(java.util.Optional.ofNullable(dataDir), rest);
    }
  }
}
