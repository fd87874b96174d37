package io.icegate.query.loki;

import static io.icegate.lake.config.ConfigChecks.orDefault;
import static io.icegate.lake.config.ConfigChecks.positive;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The {@code icegate.loki.*} keys.
 *
 * @param indexLabels resource attributes that become stream labels (Loki 3's {@code
 *     default_resource_attributes_as_index_labels}); unset: {@link LabelMapping#LOKI_DEFAULTS}
 * @param maxQueryLength longest LogQL text accepted, in characters (default 65,536)
 * @param maxLimit largest {@code limit} of a log query (default 5,000, as Loki's {@code
 *     max_entries_limit_per_query})
 */
@ConfigurationProperties("icegate.loki")
public record LokiConfiguration(
    @Nullable List<String> indexLabels,
    @Nullable Integer maxQueryLength,
    @Nullable Integer maxLimit) {
  public static final int DEFAULT_MAX_QUERY_LENGTH = 65_536;
  public static final int DEFAULT_MAX_LIMIT = 5_000;

  public LokiConfiguration {
    indexLabels = indexLabels == null ? LabelMapping.LOKI_DEFAULTS : List.copyOf(indexLabels);
    maxQueryLength =
        positive(
            "icegate.loki.max-query-length", orDefault(maxQueryLength, DEFAULT_MAX_QUERY_LENGTH));
    maxLimit = positive("icegate.loki.max-limit", orDefault(maxLimit, DEFAULT_MAX_LIMIT));
  }

  public static LokiConfiguration defaults() {
    return new LokiConfiguration(null, null, null);
  }
}
