package io.icegate.lake.tenant;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The {@code icegate.auth.*} keys, one configuration for every service: ingest lets a token write
 * the tenants it lists, query lets it read them, the catalog accepts any configured token.
 *
 * @param tokens bearer token → tenants ({@code *} for any); when empty (the default) no token is
 *     asked for
 */
@ConfigurationProperties("icegate.auth")
public record AuthConfiguration(@Nullable Map<String, List<String>> tokens) {
  public AuthConfiguration {
    tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
  }

  public static AuthConfiguration defaults() {
    return new AuthConfiguration(null);
  }
}
