package io.icegate.query.loki;

import io.icegate.lake.error.ErrorKind;

/** A request the Loki API refuses before running it: answered 400 {@code bad_data}. */
public final class LokiBadRequestException extends RuntimeException
    implements ErrorKind.Classified {
  public LokiBadRequestException(String message) {
    super(message);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.BAD_INPUT;
  }
}
