package io.icegate.lake.store;

/**
 * Storage settings are unusable. The message is one line naming the configuration key and the
 * problem, e.g. {@code icegate.storage.bucket: required when icegate.storage.type=s3}.
 */
public class InvalidConfigurationException extends RuntimeException {
  public InvalidConfigurationException(String key, String problem) {
    super(key + ": " + problem);
  }

  public InvalidConfigurationException(String key, String problem, Throwable cause) {
    super(key + ": " + problem, cause);
  }
}
