package io.icegate.query.http;

import io.icegate.lake.store.StorageException;

/** The client-facing wording of failures that are not the client's: no stack trace, one line. */
public final class ErrorMessages {
  private ErrorMessages() {}

  /** A failure of kind {@code UNAVAILABLE}: object storage failed, or the lake changed under it. */
  public static String unavailable(RuntimeException e) {
    return e instanceof StorageException
        ? "Cannot run query: object storage failed: " + e.getMessage()
        : e.getMessage();
  }

  /** A failure of kind {@code INTERNAL}: a defect of ours, named by its class only. */
  public static String internal(RuntimeException e) {
    return "Cannot run query: internal error (" + e.getClass().getSimpleName() + ")";
  }
}
