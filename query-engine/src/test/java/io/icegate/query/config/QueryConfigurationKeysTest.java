package io.icegate.query.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.config.ConfigurationKeys;
import io.icegate.query.engine.QueryLimits;
import io.icegate.query.logql.metric.LokiMetricLimits;
import io.icegate.query.loki.LokiConfiguration;
import io.icegate.query.loki.tail.TailConfiguration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every {@code icegate.query.*} and {@code icegate.loki.*} key README.md and docs/ name is read by
 * one of the query configuration types, and each documented default is the real one.
 */
class QueryConfigurationKeysTest {
  private static final Class<?>[] TYPES = {
    QueryLimits.class, LokiMetricLimits.class, LokiConfiguration.class, TailConfiguration.class
  };

  @Test
  void everyDocumentedKeyIsRead() {
    Set<String> read = ConfigurationKeys.read(TYPES);

    assertThat(ConfigurationKeys.unread(read, "icegate.query.", "icegate.loki.")).isEmpty();
  }

  @Test
  void everyDocumentedDefaultIsTheRealOne() {
    for (Class<?> type : TYPES) {
      assertThat(ConfigurationKeys.wrongDefaults(Map.of(), type))
          .as(type.getSimpleName())
          .isEmpty();
    }
  }

  @Test
  void theBoundDefaultsAreTheDefaultsOfTheTypes() {
    assertThat(ConfigurationKeys.bind(Map.of(), QueryLimits.class))
        .isEqualTo(QueryLimits.defaults());
    assertThat(ConfigurationKeys.bind(Map.of(), LokiMetricLimits.class))
        .isEqualTo(LokiMetricLimits.defaults());
    assertThat(ConfigurationKeys.bind(Map.of(), LokiConfiguration.class))
        .isEqualTo(LokiConfiguration.defaults());
    assertThat(ConfigurationKeys.bind(Map.of(), TailConfiguration.class))
        .isEqualTo(TailConfiguration.defaults());
  }

  @Test
  void aSetKeyIsBound() {
    assertThat(
            ConfigurationKeys.bind(
                    Map.of("icegate.query.loki.max-series", "7"), LokiMetricLimits.class)
                .maxSeries())
        .isEqualTo(7);
    assertThat(
            ConfigurationKeys.bind(
                    Map.of("icegate.query.max-result-bytes", "1MB"), QueryLimits.class)
                .maxResultBytes())
        .isEqualTo(1L << 20);
  }
}
