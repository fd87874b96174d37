package io.icegate.lake.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.config.InvalidConfigurationException;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceRuntimeTest {
  @TempDir Path dataDir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "foo||| icegate.storage.type: unknown storage type 'foo' (expected local or s3)",
        "s3||| icegate.storage.bucket: required when icegate.storage.type=s3",
        "local|/etc/hostname/lake|| icegate.storage.root: cannot create folder /etc/hostname/lake",
        "s3||http://127.0.0.1:1| icegate.storage.endpoint: cannot reach http://127.0.0.1:1"
      })
  void invalidStorageSettingStopsTheServiceWithOneLine(
      String type, String root, String endpoint, String expected) {
    Map<String, Object> settings = new HashMap<>();
    settings.put("micronaut.server.port", -1);
    settings.put("icegate.storage.type", type);
    settings.put("icegate.storage.root", root == null ? dataDir.toString() : root);
    if (endpoint != null) {
      settings.put("icegate.storage.endpoint", endpoint);
      settings.put("icegate.storage.bucket", "lake");
    }

    assertThatThrownBy(() -> ServiceRuntime.start(IceGateService.ALERT, settings).close())
        .satisfies(
            failure ->
                assertThat(StartupFailure.describe(failure))
                    .startsWith(expected.strip())
                    .doesNotContain("\n"));
  }

  @Test
  void contextCarriesItsServiceNameOverUserConfiguration() {
    try (ApplicationContext context =
        ServiceRuntime.start(
            IceGateService.QUERY,
            Map.of("micronaut.server.port", -1, "icegate.storage.root", dataDir.toString()),
            "--icegate.service=catalog")) {
      assertThat(context.getProperty(IceGateService.PROPERTY, String.class)).hasValue("query");
    }
  }

  @Test
  void commandLineArgumentsWinOverServiceDefaults() {
    try (ApplicationContext context =
        ServiceRuntime.start(
            IceGateService.CATALOG,
            Map.of("icegate.storage.root", dataDir.toString()),
            "--micronaut.server.port=-1")) {
      assertThat(ServiceRuntime.httpPort(context)).isNotEqualTo(8181).isPositive();
      assertThat(context.getProperty("micronaut.application.name", String.class))
          .hasValue("icegate-catalog");
    }
  }

  @Test
  void unknownServiceNamesTheValidChoices() {
    assertThatThrownBy(() -> IceGateService.of("queyr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown service 'queyr' (expected catalog, ingest, query, maintain or alert)");
  }

  @Test
  void launchOptionsSplitDataDirFromMicronautArguments() {
    ServiceMain.LaunchOptions options =
        ServiceMain.LaunchOptions.parse(
            new String[] {"--data-dir", "/tmp/x", "--micronaut.server.port=1"});

    assertThat(options.dataDir()).hasValue("/tmp/x");
    assertThat(options.micronautArgs()).containsExactly("--micronaut.server.port=1");
  }

  @Test
  void launchOptionsRejectStrayArguments() {
    assertThatThrownBy(() -> ServiceMain.LaunchOptions.parse(new String[] {"serve"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown argument 'serve' (expected --data-dir DIR or --some.property=value)");
  }

  @Test
  void startupFailureReportsTheInvalidSettingNotTheWrapper() {
    RuntimeException wrapped =
        new RuntimeException(
            "Error instantiating bean\nline two",
            new IllegalStateException(
                "outer", new InvalidConfigurationException("icegate.storage.type", "unknown 'x'")));

    assertThat(StartupFailure.describe(wrapped)).isEqualTo("icegate.storage.type: unknown 'x'");
  }
}
