package io.icegate.rules;

import io.icegate.rules.model.PromDuration;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * The {@code icegate.rules.*} keys.
 *
 * @param maxFileBytes largest rule group or rule file accepted, in bytes (default 1 MiB); larger
 *     bodies are refused with 400 before they are parsed
 * @param maxRulesPerGroup most rules in one group (default 0: no limit, as Mimir's {@code
 *     ruler_max_rules_per_rule_group})
 * @param defaultInterval evaluation interval of a group that sets none (default {@code 1m}, as
 *     Loki's and Mimir's {@code evaluation_interval}), shown in the state listings
 */
@ConfigurationProperties("icegate.rules")
public record RulesConfiguration(
    @Nullable Integer maxFileBytes,
    @Nullable Integer maxRulesPerGroup,
    @Nullable String defaultInterval) {
  public RulesConfiguration {
    maxFileBytes = maxFileBytes == null ? 1024 * 1024 : maxFileBytes;
    maxRulesPerGroup = maxRulesPerGroup == null ? 0 : maxRulesPerGroup;
    defaultInterval = defaultInterval == null ? "1m" : defaultInterval;
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException(
          "Invalid icegate.rules.max-file-bytes: " + maxFileBytes + " (must be positive)");
    }
    if (maxRulesPerGroup < 0) {
      throw new IllegalArgumentException(
          "Invalid icegate.rules.max-rules-per-group: " + maxRulesPerGroup + " (0: no limit)");
    }
    if (PromDuration.parse(defaultInterval).isEmpty()) {
      throw new IllegalArgumentException(
          "Invalid icegate.rules.default-interval: '" + defaultInterval + "' (e.g. 1m)");
    }
  }

  public static RulesConfiguration defaults() {
    return new RulesConfiguration(null, null, null);
  }
}
