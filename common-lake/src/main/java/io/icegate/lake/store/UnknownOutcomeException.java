package io.icegate.lake.store;

/**
 * A conditional write may or may not have taken effect, and may still land later. Callers must not
 * treat it as a conflict nor clean up what the write refers to.
 */
public class UnknownOutcomeException extends StorageException {
  public UnknownOutcomeException(String message, Throwable cause) {
    super(message, cause);
  }
}
