package io.icegate.query.series;

/**
 * A vector/vector operation cannot pair its samples: duplicate series on the "one" side or
 * many-to-one matches without {@code group_left}/{@code group_right}. The message is the one the
 * query language's own engine gives, so clients see familiar text.
 */
public final class VectorMatchingException extends RuntimeException {
  public VectorMatchingException(String message) {
    super(message);
  }
}
