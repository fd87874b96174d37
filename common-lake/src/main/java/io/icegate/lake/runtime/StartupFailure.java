package io.icegate.lake.runtime;

import io.icegate.lake.config.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the exception of a failed start into one line: Micronaut wraps the real reason (an invalid
 * setting, a busy port) in several layers of bean-creation errors whose messages are pages long.
 */
public final class StartupFailure {
  private StartupFailure() {}

  public static String describe(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
      chain.add(t);
    }
    for (Throwable t : chain) {
      if (t instanceof InvalidConfigurationException) {
        return t.getMessage();
      }
    }
    Throwable root = chain.get(chain.size() - 1);
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return firstLine(message);
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
