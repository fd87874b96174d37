package io.icegate.query.engine;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.error.ErrorKind;

/** A query went past one of its {@link QueryLimits}; the message names the setting. */
public final class QueryLimitExceededException extends RuntimeException
    implements ErrorKind.Classified {
  /** Which limit; each front end maps these to its own status codes. */
  public enum Limit {
    TIMEOUT("icegate.query.timeout"),
    BYTES_SCANNED("icegate.query.max-bytes-scanned"),
    ROWS_SCANNED("icegate.query.max-rows-scanned"),
    RESULT_ROWS("icegate.query.max-result-rows"),
    RESULT_BYTES("icegate.query.max-result-bytes");

    private final String key;

    Limit(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  private final Limit limit;

  public QueryLimitExceededException(Limit limit, String message) {
    super(message + " (" + requireNonNull(limit, "limit is null").key() + ")");
    this.limit = limit;
  }

  public Limit limit() {
    return limit;
  }

  @Override
  public ErrorKind kind() {
    return limit == Limit.TIMEOUT ? ErrorKind.TIMEOUT : ErrorKind.LIMIT;
  }
}
