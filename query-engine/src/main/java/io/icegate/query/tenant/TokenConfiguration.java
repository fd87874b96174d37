package io.icegate.query.tenant;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The {@code icegate.auth.*} keys as the query service reads them (the same keys as ingest).
 *
 * @param tokens bearer token → tenants it may read ({@code *} for any); empty: no token needed
 */
@ConfigurationProperties("icegate.auth")
public record TokenConfiguration(@Nullable Map<String, List<String>> tokens) {
  public TokenConfiguration {
    tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
  }
}
