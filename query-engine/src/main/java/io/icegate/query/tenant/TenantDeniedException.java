package io.icegate.query.tenant;

import io.icegate.lake.error.ErrorKind;

/** A query whose tenant cannot be served; {@link #status()} is the HTTP answer (400, 401, 403). */
public final class TenantDeniedException extends RuntimeException implements ErrorKind.Classified {
  private final int status;

  public TenantDeniedException(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  @Override
  public ErrorKind kind() {
    return switch (status) {
      case 401 -> ErrorKind.UNAUTHENTICATED;
      case 403 -> ErrorKind.FORBIDDEN;
      default -> ErrorKind.BAD_INPUT;
    };
  }
}
