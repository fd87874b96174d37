package io.icegate.lake.store;

/**
 * A failure worth retrying: throttling, a 5xx answer, a connection error. For writes it is thrown
 * only when the request certainly had no effect or the write is idempotent; a conditional write
 * whose fate is unclear raises {@link UnknownOutcomeException} instead.
 */
public class TransientStorageException extends StorageException {
  public TransientStorageException(String message, Throwable cause) {
    super(message, cause);
  }

  public TransientStorageException(String message) {
    super(message);
  }
}
