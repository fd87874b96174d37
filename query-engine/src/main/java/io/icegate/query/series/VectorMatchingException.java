package io.icegate.query.series;

import io.icegate.lake.error.ErrorKind;

/**
 * A vector/vector operation cannot pair its samples: duplicate series on the "one" side or
 * many-to-one matches without {@code group_left}/{@code group_right}. The message is the one the
 * query language's own engine gives, so clients see familiar text.
 */
public final class VectorMatchingException extends RuntimeException
    implements ErrorKind.Classified {
  public VectorMatchingException(String message) {
    super(message);
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.BAD_INPUT;
  }
}
