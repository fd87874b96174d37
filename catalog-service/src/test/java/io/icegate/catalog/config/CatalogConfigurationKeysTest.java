package io.icegate.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.catalog.RestConfiguration;
import io.icegate.lake.config.ConfigurationKeys;
import org.junit.jupiter.api.Test;

/** Every {@code icegate.rest.*} key README.md and docs/ name is read by the catalog service. */
class CatalogConfigurationKeysTest {
  @Test
  void everyDocumentedKeyIsRead() {
    assertThat(
            ConfigurationKeys.unread(
                ConfigurationKeys.read(RestConfiguration.class), "icegate.rest."))
        .isEmpty();
  }
}
