package io.icegate.lake.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceRuntimeTest {

  @Test
  void contextCarriesItsServiceNameOverUserConfiguration() {
    try (ApplicationContext context =
        ServiceRuntime.start(
            IceGateService.QUERY,
            Map.of("micronaut.server.port", -1),
            "--icegate.service=catalog")) {
      assertThat(context.getProperty(IceGateService.PROPERTY, String.class)).hasValue("query");
    }
  }

  @Test
  void commandLineArgumentsWinOverServiceDefaults() {
    try (ApplicationContext context =
        ServiceRuntime.start(IceGateService.CATALOG, Map.of(), "--micronaut.server.port=-1")) {
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
                "outer", new InvalidSettingException("icegate.storage.type", "unknown 'x'")));

    assertThat(StartupFailure.describe(wrapped)).isEqualTo("icegate.storage.type: unknown 'x'");
  }
}
