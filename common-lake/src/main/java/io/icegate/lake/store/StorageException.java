package io.icegate.lake.store;

/** A storage operation failed; the message says which operation on which key and why. */
public class StorageException extends RuntimeException {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
