package io.icegate.query.tenant;

import io.icegate.lake.tenant.TenantId;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
  public static final String HEADER = "X-Scope-OrgID";
  private static final String BEARER = "bearer ";

  private final boolean enforced;
  private final Map<String, List<String>> tokens;

  @Inject
  QueryTenantResolver(
      @Value("${icegate.tenancy.enforced:false}") boolean enforced, TokenConfiguration tokens) {
    this(enforced, tokens.tokens());
  }

  public QueryTenantResolver(boolean enforced, Map<String, List<String>> tokens) {
    this.enforced = enforced;
    this.tokens = Map.copyOf(tokens);
  }

  /**
   * The tenant of a query.
   *
   * @throws TenantDeniedException when the id is malformed (400), missing while enforced or the
   *     token missing or unknown (401), or the token may not read it (403)
   */
  public TenantId resolve(Optional<String> orgId, Optional<String> authorization) {
    Optional<List<String>> allowed =
        tokens.isEmpty() ? Optional.empty() : Optional.of(allowed(authorization));
    TenantId tenant;
    if (orgId.isPresent()) {
      tenant = parse(orgId.get());
    } else if (allowed.isPresent() && allowed.get().size() == 1 && !allowed.get().contains("*")) {
      tenant = parse(allowed.get().get(0));
    } else if (enforced) {
      throw new TenantDeniedException(
          401, "Cannot run query: no tenant (send the " + HEADER + " header)");
    } else {
      tenant = TenantId.DEFAULT;
    }
    if (allowed.isPresent()
        && !allowed.get().contains("*")
        && !allowed.get().contains(tenant.value())) {
      throw new TenantDeniedException(
          403, "Cannot run query: the token may not read tenant '" + tenant + "'");
    }
    return tenant;
  }

  private static TenantId parse(String value) {
    try {
      return new TenantId(value);
    } catch (IllegalArgumentException e) {
      throw new TenantDeniedException(400, "Cannot run query: " + HEADER + ": " + e.getMessage());
    }
  }

  private List<String> allowed(Optional<String> authorization) {
    String header = authorization.orElse("").trim();
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new TenantDeniedException(
          401, "Cannot run query: a bearer token is required (Authorization: Bearer <token>)");
    }
    byte[] sent = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    List<String> found = null;
    for (Map.Entry<String, List<String>> entry : tokens.entrySet()) {
      if (MessageDigest.isEqual(sent, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
        found = entry.getValue();
      }
    }
    if (found == null) {
      throw new TenantDeniedException(401, "Cannot run query: unknown bearer token");
    }
    return List.copyOf(found);
  }
}
