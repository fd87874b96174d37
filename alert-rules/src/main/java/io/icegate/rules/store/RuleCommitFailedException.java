package io.icegate.rules.store;

import io.icegate.lake.error.ErrorKind;

/**
 * A rule group write that lost the race for its next version too many times in a row (HTTP 409);
 * nothing of it is stored and the client may send it again.
 */
public final class RuleCommitFailedException extends RuntimeException
    implements ErrorKind.Classified {
  public RuleCommitFailedException(String message) {
    super(message);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.CONFLICT;
  }
}
