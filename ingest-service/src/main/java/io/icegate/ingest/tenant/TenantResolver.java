package io.icegate.ingest.tenant;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which tenant a write belongs to, from its {@code X-Scope-OrgID} (HTTP header or gRPC
 * metadata {@code x-scope-orgid}) and, when tokens are configured, its {@code Authorization:
 * Bearer} token. Nothing but a {@link TenantId} ever leaves here, so no hostile id reaches an
 * object key.
 */
@Singleton
public final class TenantResolver {
  public static final String HEADER = "X-Scope-OrgID";
  private static final String BEARER = "bearer ";

  private final boolean enforced;
  private final Map<String, List<String>> tokens;

  public TenantResolver(TenancyConfiguration tenancy, AuthConfiguration auth) {
    this.enforced = tenancy.enforced();
    this.tokens = auth.tokens();
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
    requireNonNull(orgId, "orgId is null");
    requireNonNull(authorization, "authorization is null");
    Optional<List<String>> allowed =
        tokens.isEmpty() ? Optional.empty() : Optional.of(allowed(authorization));
    Optional<TenantId> named = orgId.map(TenantResolver::parse);
    TenantId tenant;
    if (named.isPresent()) {
      tenant = named.get();
    } else if (allowed.isPresent() && allowed.get().size() == 1 && !allowed.get().contains("*")) {
      // A token for exactly one tenant names it: clients need not repeat it in a header.
      tenant = parse(allowed.get().get(0));
    } else if (enforced) {
      throw new TenantRejectedException(
          TenantRejectedException.Problem.UNAUTHENTICATED,
          "Cannot accept write: no tenant (send the " + HEADER + " header)");
    } else {
      tenant = TenantId.DEFAULT;
    }
    if (allowed.isPresent()
        && !allowed.get().contains("*")
        && !allowed.get().contains(tenant.value())) {
      throw new TenantRejectedException(
          TenantRejectedException.Problem.FORBIDDEN,
          "Cannot accept write: the token may not write tenant '" + tenant + "'");
    }
    return tenant;
  }

  private static TenantId parse(String value) {
    try {
      return new TenantId(value);
    } catch (IllegalArgumentException e) {
      throw new TenantRejectedException(
          TenantRejectedException.Problem.INVALID,
          "Cannot accept write: " + HEADER + ": " + e.getMessage());
    }
  }

  private List<String> allowed(Optional<String> authorization) {
    String header = authorization.orElse("").trim();
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw new TenantRejectedException(
          TenantRejectedException.Problem.UNAUTHENTICATED,
          "Cannot accept write: a bearer token is required (Authorization: Bearer <token>)");
    }
    byte[] sent = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
    List<String> found = null;
    // Compare every token in constant time: how long a refusal takes says nothing about tokens.
    for (Map.Entry<String, List<String>> entry : tokens.entrySet()) {
      if (MessageDigest.isEqual(sent, entry.getKey().getBytes(StandardCharsets.UTF_8))) {
        found = entry.getValue();
      }
    }
    if (found == null) {
      throw new TenantRejectedException(
          TenantRejectedException.Problem.UNAUTHENTICATED,
          "Cannot accept write: unknown bearer token");
    }
    return List.copyOf(found);
  }
}
