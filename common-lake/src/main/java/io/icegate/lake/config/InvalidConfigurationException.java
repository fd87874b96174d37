package io.icegate.lake.config;

/**
 * A setting is unusable. The message is one line naming the configuration key and the problem, e.g.
 * {@code icegate.storage.bucket: required when icegate.storage.type=s3}; thrown while the service
 * starts, so it stops before serving anything. The one exception of every configuration type
 * ({@link ConfigChecks}).
 */
public class InvalidConfigurationException extends RuntimeException {
  public InvalidConfigurationException(String key, String problem) {
    super(key + ": " + problem);
  }

  public InvalidConfigurationException(String key, String problem, Throwable cause) {
    super(key + ": " + problem, cause);
  }
}
