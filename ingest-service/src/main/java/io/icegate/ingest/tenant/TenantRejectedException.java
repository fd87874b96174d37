package io.icegate.ingest.tenant;

import static java.util.Objects.requireNonNull;

/** A write whose tenant cannot be accepted; {@link Problem} says which answer it gets. */
public class TenantRejectedException extends RuntimeException {
  /** Why: the three answers of Loki's and Mimir's write paths. */
  public enum Problem {
    /** The tenant id is malformed (400 / INVALID_ARGUMENT). */
    INVALID,
    /** No tenant where one is required, or no valid bearer token (401 / UNAUTHENTICATED). */
    UNAUTHENTICATED,
    /** The token may not write this tenant (403 / PERMISSION_DENIED). */
    FORBIDDEN
  }

  private final Problem problem;

  public TenantRejectedException(Problem problem, String message) {
    super(message);
    this.problem = requireNonNull(problem, "problem is null");
  }

  public Problem problem() {
    return problem;
  }
}
