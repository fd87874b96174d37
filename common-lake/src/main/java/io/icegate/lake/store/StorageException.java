package io.icegate.lake.store;

import io.icegate.lake.error.ErrorKind;

/** A storage operation failed; the message says which operation on which key and why. */
public class StorageException extends RuntimeException implements ErrorKind.Classified {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.UNAVAILABLE;
  }
}
