package io.icegate.query.promql.parse;

/**
 * A query Prometheus would reject while parsing. The message reads as Prometheus' does: {@code 1:5:
 * parse error: unexpected "}"}, line and column counted from 1.
 */
public final class PromqlParseException extends RuntimeException {
  private final int position;
  private final String reason;

  public PromqlParseException(String query, int position, String reason) {
    super(positionText(query, position) + ": parse error: " + reason);
    this.position = position;
    this.reason = reason;
  }

  /** Offset in the query where the error was found. */
  public int position() {
    return position;
  }

  /** The message without the position. */
  public String reason() {
    return reason;
  }

  /** {@code line:column} of an offset, as Prometheus prints positions. */
  public static String positionText(String query, int position) {
    int line = 1;
    int col = 1;
    int limit = Math.min(position, query.length());
    for (int i = 0; i < limit; i++) {
      if (query.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return line + ":" + col;
  }
}
