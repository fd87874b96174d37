package io.icegate.lake.config;

import java.time.Duration;

/**
 * The checks every configuration type runs in its constructor, each failing with {@link
 * InvalidConfigurationException} naming the key.
 *
 * <p>The configuration idiom (CONTRIBUTING.md, "Configuration"): one record per concern, annotated
 * {@code @ConfigurationProperties(prefix)}, with {@code @Nullable} components; its compact
 * constructor puts the defaults in (constants of the record: the one place they are stated) and
 * runs these checks; {@code defaults()} is the record built from nothing. A bad value stops the
 * service at start with one line naming the key.
 */
public final class ConfigChecks {
  private ConfigChecks() {}

  /** {@code value}, or {@code fallback} when the key is not set. */
  public static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }

  public static long positive(String key, long value) {
    if (value <= 0) {
      throw new InvalidConfigurationException(key, "must be positive, got " + value);
    }
    return value;
  }

  public static int positive(String key, int value) {
    positive(key, (long) value);
    return value;
  }

  public static int atLeast(String key, int value, int min) {
    if (value < min) {
      throw new InvalidConfigurationException(key, "must be at least " + min + ", got " + value);
    }
    return value;
  }

  public static int between(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidConfigurationException(
          key, "must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  public static Duration positive(String key, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new InvalidConfigurationException(key, "must be positive, got " + value);
    }
    return value;
  }

  public static Duration notNegative(String key, Duration value) {
    if (value == null || value.isNegative()) {
      throw new InvalidConfigurationException(key, "must not be negative, got " + value);
    }
    return value;
  }
}
