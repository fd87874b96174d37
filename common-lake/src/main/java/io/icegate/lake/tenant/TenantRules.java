package io.icegate.lake.tenant;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.error.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one set of tenant rules for ingest and query: the {@code X-Scope-OrgID} value names the
 * tenant; without it the tenant is {@link TenantId#DEFAULT} unless tenancy is enforced; when bearer
 * tokens are configured a known token is required and may use only its tenants ({@code *}: any).
 * Callers turn a {@link Refusal} into their protocol's answer.
 */
public final class TenantRules {
  public static final String HEADER = "X-Scope-OrgID";
  private static final String BEARER = "bearer ";

  /** Why a request's tenant was refused. */
  public enum Problem {
    /** A malformed tenant id (HTTP 400). */
    INVALID,
    /** No tenant while enforced, or a missing or unknown token (HTTP 401). */
    UNAUTHENTICATED,
    /** The token may not use the tenant (HTTP 403). */
    FORBIDDEN
  }

  /** A refused tenant, with a message naming the problem. */
  public static final class Refusal extends RuntimeException implements ErrorKind.Classified {
    private final Problem problem;

    Refusal(Problem problem, String message) {
      super(message);
      this.problem = problem;
    }

    public Problem problem() {
      return problem;
    }

    @Override
    public ErrorKind kind() {
      return switch (problem) {
        case INVALID -> ErrorKind.BAD_INPUT;
        case UNAUTHENTICATED -> ErrorKind.UNAUTHENTICATED;
        case FORBIDDEN -> ErrorKind.FORBIDDEN;
      };
    }
  }

  private final boolean enforced;
  private final Map<String, List<String>> tokens;
  private final String refusal;
  private final String verb;

  /**
   * @param refusal how messages start, e.g. "Cannot accept write"
   * @param verb what a token does to its tenants, e.g. "write"
   */
  public TenantRules(
      boolean enforced, Map<String, List<String>> tokens, String refusal, String verb) {
    this.enforced = enforced;
    this.tokens = Map.copyOf(requireNonNull(tokens, "tokens is null"));
    this.refusal = requireNonNull(refusal, "refusal is null");
    this.verb = requireNonNull(verb, "verb is null");
  }

  /**
   * The tenant of a request.
   *
   * @param orgId the X-Scope-OrgID value, if sent
   * @param authorization the Authorization value, if sent
   * @throws Refusal when the tenant cannot be served
   */
  public TenantId resolve(Optional<String> orgId, Optional<String> authorization) {
    requireNonNull(orgId, "orgId is null");
    requireNonNull(authorization, "authorization is null");
    Optional<List<String>> allowed =
        tokens.isEmpty() ? Optional.empty() : Optional.of(allowed(authorization));
    TenantId tenant;
    if (orgId.isPresent()) {
      tenant = parse(orgId.get());
    } else if (allowed.isPresent() && allowed.get().size() == 1 && !allowed.get().contains("*")) {
      // A token for exactly one tenant names it: clients need not repeat it in a header.
      tenant = parse(allowed.get().get(0));
    } else if (enforced) {
      throw refuse(Problem.UNAUTHENTICATED, "no tenant (send the " + HEADER + " header)");
    } else {
      tenant = TenantId.DEFAULT;
    }
    if (allowed.isPresent()
        && !allowed.get().contains("*")
        && !allowed.get().contains(tenant.value())) {
      throw refuse(Problem.FORBIDDEN, "the token may not " + verb + " tenant '" + tenant + "'");
    }
    return tenant;
  }

  private TenantId parse(String value) {
    try {
      return new TenantId(value);
    } catch (IllegalArgumentException e) {
      throw refuse(Problem.INVALID, HEADER + ": " + e.getMessage());
    }
  }

  private List<String> allowed(Optional<String> authorization) {
    String header = authorization.orElse("").trim();
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      throw refuse(
          Problem.UNAUTHENTICATED, "a bearer token is required (Authorization: Bearer <token>)");
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
      throw refuse(Problem.UNAUTHENTICATED, "unknown bearer token");
    }
    return List.copyOf(found);
  }

  private Refusal refuse(Problem problem, String what) {
    return new Refusal(problem, refusal + ": " + what);
  }
}
