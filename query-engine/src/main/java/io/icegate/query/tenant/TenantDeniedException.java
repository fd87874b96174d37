package io.icegate.query.tenant;

/** A query whose tenant cannot be served; {@link #status()} is the HTTP answer (400, 401, 403). */
public final class TenantDeniedException extends RuntimeException {
  private final int status;

  public TenantDeniedException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
