package io.icegate.ingest.tenant;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The {@code icegate.auth.*} keys.
 *
 * @param tokens bearer token → tenants it may write ({@code *} for any); when empty (the default)
 *     no token is asked for
 */
@ConfigurationProperties("icegate.auth")
public record AuthConfiguration(@Nullable Map<String, List<String>> tokens) {
  public AuthConfiguration {
    tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
  }
}
