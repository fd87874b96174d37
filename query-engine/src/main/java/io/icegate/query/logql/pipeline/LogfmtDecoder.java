package io.icegate.query.logql.pipeline;

/**
 * Scans {@code key=value key="quoted value" flag} pairs the way go-logfmt (Loki's copy) does: a key
 * runs to {@code =} or a space, a bare key has an empty value, quoted values take Go string
 * escapes. Errors carry go-logfmt's wording; after an error the decoder resumes after the next
 * space, which is what Loki's non-strict mode amounts to.
 */
final class LogfmtDecoder {
  private String line = "";
  private int pos;
  private String key;
  private String value;
  private String error;

  void reset(String line) {
    this.line = line;
    this.pos = 0;
    this.error = null;
  }

  String key() {
    return key;
  }

  String value() {
    return value;
  }

  /** The last syntax error, or null. */
  String error() {
    return error;
  }

  boolean atEnd() {
    while (pos < line.length() && line.charAt(pos) <= ' ') {
      pos++;
    }
    return pos >= line.length();
  }

  /**
   * Reads the next pair.
   *
   * @return true with {@link #key()} and {@link #value()} set, false on a syntax error ({@link
   *     #error()}) or at the end of the line
   */
  boolean next() {
    if (atEnd()) {
      return false;
    }
    int n = line.length();
    int start = pos;
    while (pos < n) {
      char c = line.charAt(pos);
      if (c == '=') {
        if (pos == start) {
          return fail("unexpected '='");
        }
        key = line.substring(start, pos);
        pos++;
        return readValue();
      }
      if (c == '"') {
        return fail("unexpected '\"'");
      }
      if (c <= ' ') {
        key = line.substring(start, pos);
        value = "";
        return true;
      }
      pos++;
    }
    key = line.substring(start);
    value = "";
    return true;
  }

  private boolean readValue() {
    int n = line.length();
    if (pos >= n || line.charAt(pos) <= ' ') {
      value = "";
      return true;
    }
    if (line.charAt(pos) == '"') {
      return readQuoted();
    }
    int start = pos;
    while (pos < n) {
      char c = line.charAt(pos);
      if (c == '=' || c == '"') {
        return fail(c == '=' ? "unexpected '='" : "unexpected '\"'");
      }
      if (c <= ' ') {
        break;
      }
      pos++;
    }
    value = line.substring(start, pos);
    return true;
  }

  private boolean readQuoted() {
    int n = line.length();
    int start = pos;
    pos++;
    boolean escaped = false;
    boolean hasEscape = false;
    while (pos < n) {
      char c = line.charAt(pos);
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
        hasEscape = true;
      } else if (c == '"') {
        pos++;
        String raw = line.substring(start + 1, pos - 1);
        if (!hasEscape) {
          value = raw;
          return true;
        }
        String unquoted = unquote(raw);
        if (unquoted == null) {
          return fail("invalid quoted value");
        }
        value = unquoted;
        return true;
      }
      pos++;
    }
    return fail("unterminated quoted value");
  }

  private boolean fail(String message) {
    error = "logfmt syntax error at pos " + (pos + 1) + " on line 1: " + message;
    // Resume after the next space, so a non-strict parse keeps the pairs that follow.
    while (pos < line.length() && line.charAt(pos) > ' ') {
      pos++;
    }
    return false;
  }

  /** Go's strconv.Unquote for the escapes logfmt writers emit; null when malformed. */
  static String unquote(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      if (++i >= s.length()) {
        return null;
      }
      char e = s.charAt(i);
      switch (e) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'a' -> sb.append('\u0007');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'v' -> sb.append('\u000b');
        case '\\', '"', '\'' -> sb.append(e);
        case 'u', 'U', 'x' -> {
          int len = e == 'u' ? 4 : e == 'U' ? 8 : 2;
          if (i + len >= s.length()) {
            return null;
          }
          try {
            int cp = Integer.parseInt(s.substring(i + 1, i + 1 + len), 16);
            sb.appendCodePoint(cp);
          } catch (RuntimeException ex) {
            return null;
          }
          i += len;
        }
        default -> {
          return null;
        }
      }
    }
    return sb.toString();
  }
}
