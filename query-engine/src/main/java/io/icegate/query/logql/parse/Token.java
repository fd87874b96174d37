package io.icegate.query.logql.parse;

/**
 * One token: its kind, raw text, position (1-based line and column) and decoded value (the unquoted
 * string, a {@link java.time.Duration}, a byte count or a number's text).
 */
record Token(TokenKind kind, String text, Object value, int line, int column) {
  /** The name Loki's errors use: the token kind, or a function's upper-case name. */
  String displayName() {
    if (kind == TokenKind.FUNCTION) {
      switch (text) {
        case "bytes":
          return "BYTES_CONV";
        case "duration":
          return "DURATION_CONV";
        case "duration_seconds":
          return "DURATION_SECONDS_CONV";
        case "ip":
        case "label_replace":
          return text;
        default:
          return text.toUpperCase(java.util.Locale.ROOT);
      }
    }
    return kind.displayName();
  }

  boolean is(TokenKind k) {
    return kind == k;
  }

  boolean isFunction(String name) {
    return kind == TokenKind.FUNCTION && text.equals(name);
  }
}
