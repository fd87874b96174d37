package io.icegate.query.tenant;

import io.icegate.lake.tenant.AuthConfiguration;
import io.icegate.lake.tenant.TenancyConfiguration;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.tenant.TenantRules;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whose data a query reads, by the rules of the ingest side (docs/ingest.md): the {@code
 * X-Scope-OrgID} header names the tenant ({@code [A-Za-z0-9_-]{1,64}}); without it the tenant is
 * {@code default} unless {@code icegate.tenancy.enforced}; when {@code icegate.auth.tokens} are
 * configured, an {@code Authorization: Bearer} token is required and may read only its tenants.
 */
@Singleton
public final class QueryTenantResolver {
  public static final String HEADER = TenantRules.HEADER;

  private final TenantRules rules;

  @Inject
  QueryTenantResolver(TenancyConfiguration tenancy, AuthConfiguration auth) {
    this(tenancy.enforced(), auth.tokens());
  }

  public QueryTenantResolver(boolean enforced, Map<String, List<String>> tokens) {
    this.rules = new TenantRules(enforced, tokens, "Cannot run query", "read");
  }

  /**
   * The tenant of a query.
   *
   * @throws TenantDeniedException when the id is malformed (400), missing while enforced or the
   *     token missing or unknown (401), or the token may not read it (403)
   */
  public TenantId resolve(Optional<String> orgId, Optional<String> authorization) {
    try {
      return rules.resolve(orgId, authorization);
    } catch (TenantRules.Refusal e) {
      int status =
          switch (e.problem()) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
          };
      throw new TenantDeniedException(status, e.getMessage());
    }
  }
}
