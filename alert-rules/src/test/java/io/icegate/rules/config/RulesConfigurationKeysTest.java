package io.icegate.rules.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.config.ConfigurationKeys;
import io.icegate.rules.RulesConfiguration;
import org.junit.jupiter.api.Test;

/** Every {@code icegate.rules.*} key README.md and docs/ name is read by the rules library. */
class RulesConfigurationKeysTest {
  @Test
  void everyDocumentedKeyIsRead() {
    assertThat(
            ConfigurationKeys.unread(
                ConfigurationKeys.read(RulesConfiguration.class), "icegate.rules."))
        .isEmpty();
  }
}
