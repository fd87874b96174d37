package io.icegate.query.loki;

/** A request the Loki API refuses before running it: answered 400 {@code bad_data}. */
public final class LokiBadRequestException extends RuntimeException {
  public LokiBadRequestException(String message) {
    super(message);
  }
}
