package io.icegate.lake.error;

/**
 * What kind of failure ended a request, as Trino's {@code ErrorType}: every API derives its status
 * code, its error type and the {@code outcome} label of its request metric from the kind, instead
 * of testing exception classes one by one. An exception states its kind by implementing {@link
 * Classified}; anything else is {@link #INTERNAL}.
 */
public enum ErrorKind {
  /** The request is malformed or asks for something the language does not allow. */
  BAD_INPUT("bad_data", 400),
  /** No credentials, or credentials that prove nothing. */
  UNAUTHENTICATED("unauthenticated", 401),
  /** Valid credentials that do not allow this tenant or action. */
  FORBIDDEN("forbidden", 403),
  /** The named thing does not exist. */
  NOT_FOUND("not_found", 404),
  /** A create-only commit lost its race too many times; the client may send it again. */
  CONFLICT("conflict", 409),
  /** A well-formed request failed while running (e.g. a division by zero in SQL). */
  EXECUTION("execution", 422),
  /** A configured limit was reached; the message names the key to raise. */
  LIMIT("limit", 422),
  /** The request ran out of time; trying again (narrower) may succeed. */
  TIMEOUT("timeout", 503),
  /** Object storage or a concurrent rewrite failed the request; trying again may succeed. */
  UNAVAILABLE("unavailable", 503),
  /** A defect of ours: logged with its stack trace, answered without it. */
  INTERNAL("internal", 500);

  private final String type;
  private final int status;

  ErrorKind(String type, int status) {
    this.type = type;
    this.status = status;
  }

  /** The error type APIs answer ({@code errorType} of Loki and Prometheus) and metrics count. */
  public String type() {
    return type;
  }

  /** The HTTP status an API answers unless its upstream protocol says otherwise. */
  public int status() {
    return status;
  }

  /** The kind of any failure: its own if it states one, else {@link #INTERNAL}. */
  public static ErrorKind of(Throwable failure) {
    return failure instanceof Classified classified ? classified.kind() : INTERNAL;
  }

  /** Implemented by exceptions that know what kind of failure they are. */
  public interface Classified {
    ErrorKind kind();
  }
}
