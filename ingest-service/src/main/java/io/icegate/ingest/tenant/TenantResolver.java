package io.icegate.ingest.tenant;

import io.icegate.lake.tenant.AuthConfiguration;
import io.icegate.lake.tenant.TenancyConfiguration;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.tenant.TenantRules;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Decides which tenant a write belongs to, from its {@code X-Scope-OrgID} (HTTP header or gRPC
 * metadata {@code x-scope-orgid}) and, when tokens are configured, its {@code Authorization:
 * Bearer} token. Nothing but a {@link TenantId} ever leaves here, so no hostile id reaches an
 * object key.
 */
@Singleton
public final class TenantResolver {
  public static final String HEADER = TenantRules.HEADER;

  private final TenantRules rules;

  public TenantResolver(TenancyConfiguration tenancy, AuthConfiguration auth) {
    this.rules = new TenantRules(tenancy.enforced(), auth.tokens(), "Cannot accept write", "write");
  }

  /**
   * The tenant of a write.
   *
   * @param orgId the X-Scope-OrgID value, if sent
   * @param authorization the Authorization value, if sent
   * @throws TenantRejectedException when the id is malformed (INVALID), missing while enforced or
   *     the token is missing or unknown (UNAUTHENTICATED), or the token may not write it
   *     (FORBIDDEN)
   */
  public TenantId resolve(Optional<String> orgId, Optional<String> authorization) {
    try {
      return rules.resolve(orgId, authorization);
    } catch (TenantRules.Refusal e) {
      throw new TenantRejectedException(
          TenantRejectedException.Problem.valueOf(e.problem().name()), e.getMessage());
    }
  }
}
