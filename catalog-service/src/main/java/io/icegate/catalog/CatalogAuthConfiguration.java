package io.icegate.catalog;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The {@code icegate.auth.*} keys as the catalog reads them: the same {@code
 * icegate.auth.tokens.<token>} map as ingest, so one configuration serves both. The catalog accepts
 * every configured token; the tenants a token may write matter only to ingest.
 *
 * @param tokens bearer token → tenants; when empty (the default) no token is asked for
 */
@ConfigurationProperties("icegate.auth")
public record CatalogAuthConfiguration(@Nullable Map<String, List<String>> tokens) {
  public CatalogAuthConfiguration {
    tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
  }
}
