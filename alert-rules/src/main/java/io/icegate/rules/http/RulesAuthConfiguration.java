package io.icegate.rules.http;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Map;

/**
 * The {@code icegate.auth.*} keys as the rule APIs read them: the same keys and meaning as ingest
 * and query (a query-service bean cannot serve here, its package is gated to the query context).
 *
 * @param tokens bearer token → tenants whose rules it may manage ({@code *} for any); empty: no
 *     token needed
 */
@ConfigurationProperties("icegate.auth")
public record RulesAuthConfiguration(@Nullable Map<String, List<String>> tokens) {
  public RulesAuthConfiguration {
    tokens = tokens == null ? Map.of() : Map.copyOf(tokens);
  }
}
