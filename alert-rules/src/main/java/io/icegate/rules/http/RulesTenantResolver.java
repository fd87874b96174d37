package io.icegate.rules.http;

import io.icegate.lake.tenant.AuthConfiguration;
import io.icegate.lake.tenant.TenancyConfiguration;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.tenant.TenantRules;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whose rules a request reads or changes, by the rules every IceGate API follows (docs/ingest.md):
 * {@code X-Scope-OrgID}, else {@code default} unless {@code icegate.tenancy.enforced}; with {@code
 * icegate.auth.tokens} a bearer token is required and may only touch its own tenants.
 */
@Singleton
public final class RulesTenantResolver {
  private final TenantRules rules;

  @Inject
  RulesTenantResolver(TenancyConfiguration tenancy, AuthConfiguration auth) {
    this(tenancy.enforced(), auth.tokens());
  }

  public RulesTenantResolver(boolean enforced, Map<String, List<String>> tokens) {
    this.rules = new TenantRules(enforced, tokens, "Cannot serve rules", "manage rules of");
  }

  /**
   * The tenant of a request.
   *
   * @throws TenantRules.Refusal when it cannot be served ({@link RulesHttp#status} maps it)
   */
  public TenantId resolve(HttpRequest<?> request) {
    return rules.resolve(
        Optional.ofNullable(request.getHeaders().get(TenantRules.HEADER)),
        Optional.ofNullable(request.getHeaders().get(HttpHeaders.AUTHORIZATION)));
  }
}
