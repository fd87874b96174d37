package io.icegate.lake.runtime;

/**
 * A configuration value is wrong; the message is one line naming the key and the problem, e.g.
 * {@code icegate.storage.bucket: required when icegate.storage.type=s3}. Thrown at start so the
 * service stops before serving anything.
 */
public class InvalidSettingException extends RuntimeException {
  public InvalidSettingException(String key, String problem) {
    super(key + ": " + problem);
  }

  public InvalidSettingException(String key, String problem, Throwable cause) {
    super(key + ": " + problem, cause);
  }
}
