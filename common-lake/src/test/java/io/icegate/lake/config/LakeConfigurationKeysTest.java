package io.icegate.lake.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.runtime.CatalogConfiguration;
import io.icegate.lake.runtime.StorageConfiguration;
import io.icegate.lake.tenant.AuthConfiguration;
import io.icegate.lake.tenant.TenancyConfiguration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every {@code icegate.storage.*}, {@code icegate.catalog.*}, {@code icegate.auth.*} and {@code
 * icegate.tenancy.*} key README.md and docs/ name is read by the configuration types every service
 * shares, and the documented defaults of the tenancy keys are the real ones. (Storage and catalog
 * defaults are resolved by {@code StorageSettings} and {@code CatalogConfiguration.toProperties},
 * whose own tests check them.)
 */
class LakeConfigurationKeysTest {
  private static final Class<?>[] TYPES = {
    StorageConfiguration.class,
    CatalogConfiguration.class,
    AuthConfiguration.class,
    TenancyConfiguration.class
  };

  @Test
  void everyDocumentedKeyIsRead() {
    Set<String> read = new TreeSet<>(ConfigurationKeys.read(TYPES));
    read.add(DedupWindow.KEY);

    assertThat(
            ConfigurationKeys.unread(
                read,
                "icegate.storage.",
                "icegate.catalog.",
                "icegate.auth.",
                "icegate.tenancy.",
                DedupWindow.KEY))
        .isEmpty();
  }

  @Test
  void tenancyAndAuthDefaults() {
    assertThat(ConfigurationKeys.wrongDefaults(Map.of(), TenancyConfiguration.class)).isEmpty();
    assertThat(ConfigurationKeys.bind(Map.of(), TenancyConfiguration.class))
        .isEqualTo(TenancyConfiguration.defaults());
    assertThat(ConfigurationKeys.bind(Map.of(), AuthConfiguration.class))
        .isEqualTo(AuthConfiguration.defaults());
  }
}
