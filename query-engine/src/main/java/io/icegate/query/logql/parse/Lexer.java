package io.icegate.query.logql.parse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits LogQL text into tokens the way Loki's lexer does: keywords are case-insensitive and
 * reserved; function names (aggregations, {@code ip}, unwrap conversions) are functions only when
 * followed by {@code (} or {@code by/without (}, identifiers otherwise; a number directly followed
 * by a unit is a duration or a byte size; {@code [..]} is a range; {@code #} starts a comment.
 */
final class Lexer {
  private final String input;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;
  private int line = 1;
  private int lineStart;

  private Lexer(String input) {
    this.input = input;
  }

  /** Tokenizes the whole query; the last token is {@link TokenKind#EOF}. */
  static List<Token> tokenize(String query) {
    if (query == null) {
      throw LogQLParseException.semantic("syntax error: unexpected $end");
    }
    // Loki counts bytes and refuses a query of maxInputSize bytes or more, before parsing.
    int bytes = query.getBytes(StandardCharsets.UTF_8).length;
    if (bytes >= LogQL.MAX_QUERY_BYTES) {
      throw LogQLParseException.semantic(
          "input size too long (" + bytes + " > " + LogQL.MAX_QUERY_BYTES + ")");
    }
    Lexer lexer = new Lexer(query);
    lexer.run();
    lexer.classifyWords();
    if (lexer.tokens.size() == 1) {
      // Loki reports an empty query without a position.
      throw LogQLParseException.semantic("syntax error: unexpected $end");
    }
    return lexer.tokens;
  }

  private void run() {
    while (true) {
      skipSpaceAndComments();
      if (pos >= input.length()) {
        tokens.add(new Token(TokenKind.EOF, "", null, line, column()));
        return;
      }
      try {
        scanToken();
      } catch (LogQLParseException e) {
        tokens.add(new Token(TokenKind.ERROR, "", e, e.line(), e.column()));
        tokens.add(new Token(TokenKind.EOF, "", null, line, column()));
        return;
      }
    }
  }

  private void skipSpaceAndComments() {
    while (pos < input.length()) {
      char c = input.charAt(pos);
      if (c == '#') {
        while (pos < input.length() && input.charAt(pos) != '\n') {
          pos++;
        }
      } else if (Character.isWhitespace(c)) {
        advance();
      } else {
        return;
      }
    }
  }

  private void advance() {
    if (input.charAt(pos) == '\n') {
      line++;
      lineStart = pos + 1;
    }
    pos++;
  }

  private int column() {
    return pos - lineStart + 1;
  }

  private LogQLParseException error(String message, int atLine, int atColumn) {
    return new LogQLParseException(message, atLine, atColumn);
  }

  private void scanToken() {
    int startLine = line;
    int startColumn = column();
    int start = pos;
    char c = input.charAt(pos);
    if (c == '"' || c == '`') {
      String value = c == '"' ? scanQuoted() : scanRaw();
      tokens.add(
          new Token(TokenKind.STRING, input.substring(start, pos), value, startLine, startColumn));
      return;
    }
    if (isDigit(c) || (c == '.' && pos + 1 < input.length() && isDigit(input.charAt(pos + 1)))) {
      scanNumber(startLine, startColumn);
      return;
    }
    if (c == '[') {
      scanRange(startLine, startColumn);
      return;
    }
    if (Character.isLetter(c) || c == '_') {
      while (pos < input.length()
          && (Character.isLetterOrDigit(input.charAt(pos)) || input.charAt(pos) == '_')) {
        pos++;
      }
      String word = input.substring(start, pos);
      tokens.add(new Token(TokenKind.IDENTIFIER, word, word, startLine, startColumn));
      return;
    }
    if (c == '-' && scanFlagOrNegativeDuration(startLine, startColumn)) {
      return;
    }
    TokenKind kind = operator(c, pos + 1 < input.length() ? input.charAt(pos + 1) : '\0');
    if (kind == null) {
      throw error(
          "syntax error: unexpected character '"
              + new String(Character.toChars(input.codePointAt(pos)))
              + "'",
          startLine,
          startColumn);
    }
    tokens.add(new Token(kind, input.substring(start, pos), null, startLine, startColumn));
  }

  /** Reads a one- or two-character operator and advances past it; null if none. */
  private TokenKind operator(char c, char next) {
    TokenKind two = twoCharOperator(c, next);
    if (two != null) {
      pos += 2;
      return two;
    }
    TokenKind one = oneCharOperator(c);
    if (one != null) {
      pos++;
    }
    return one;
  }

  private static TokenKind twoCharOperator(char c, char next) {
    switch ("" + c + next) {
      case "|=":
        return TokenKind.PIPE_EXACT;
      case "|~":
        return TokenKind.PIPE_MATCH;
      case "|>":
        return TokenKind.PIPE_PATTERN;
      case "!=":
        return TokenKind.NEQ;
      case "!~":
        return TokenKind.NRE;
      case "!>":
        return TokenKind.NPA;
      case "=~":
        return TokenKind.RE;
      case "==":
        return TokenKind.CMP_EQ;
      case ">=":
        return TokenKind.GTE;
      case "<=":
        return TokenKind.LTE;
      default:
        return null;
    }
  }

  private static TokenKind oneCharOperator(char c) {
    switch (c) {
      case '|':
        return TokenKind.PIPE;
      case '=':
        return TokenKind.EQ;
      case '>':
        return TokenKind.GT;
      case '<':
        return TokenKind.LT;
      case '+':
        return TokenKind.ADD;
      case '-':
        return TokenKind.SUB;
      case '*':
        return TokenKind.MUL;
      case '/':
        return TokenKind.DIV;
      case '%':
        return TokenKind.MOD;
      case '^':
        return TokenKind.POW;
      case ',':
        return TokenKind.COMMA;
      case '.':
        return TokenKind.DOT;
      case '{':
        return TokenKind.OPEN_BRACE;
      case '}':
        return TokenKind.CLOSE_BRACE;
      case '(':
        return TokenKind.OPEN_PARENTHESIS;
      case ')':
        return TokenKind.CLOSE_PARENTHESIS;
      case ']':
        return TokenKind.CLOSE_BRACKET;
      default:
        return null;
    }
  }

  /** {@code --strict}, {@code --keep-empty}, or a negative Go duration such as {@code -5m}. */
  private boolean scanFlagOrNegativeDuration(int startLine, int startColumn) {
    int end = pos + 1;
    if (end < input.length() && input.charAt(end) == '-') {
      int flagEnd = end + 1;
      while (flagEnd < input.length()
          && (Character.isLetter(input.charAt(flagEnd)) || input.charAt(flagEnd) == '-')) {
        flagEnd++;
      }
      String flag = input.substring(pos, flagEnd);
      if (Vocabulary.isParserFlag(flag)) {
        tokens.add(new Token(TokenKind.PARSER_FLAG, flag, flag, startLine, startColumn));
        pos = flagEnd;
        return true;
      }
      return false;
    }
    int runEnd = durationRunEnd(end);
    if (runEnd == end) {
      return false;
    }
    String text = input.substring(pos, runEnd);
    try {
      Duration d = Durations.parse(text);
      tokens.add(new Token(TokenKind.DURATION, text, d, startLine, startColumn));
      pos = runEnd;
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void scanNumber(int startLine, int startColumn) {
    int start = pos;
    while (pos < input.length() && isDigit(input.charAt(pos))) {
      pos++;
    }
    if (pos < input.length() && input.charAt(pos) == '.') {
      pos++;
      while (pos < input.length() && isDigit(input.charAt(pos))) {
        pos++;
      }
    }
    if (pos < input.length() && (input.charAt(pos) == 'e' || input.charAt(pos) == 'E')) {
      int save = pos;
      pos++;
      if (pos < input.length() && (input.charAt(pos) == '+' || input.charAt(pos) == '-')) {
        pos++;
      }
      if (pos < input.length() && isDigit(input.charAt(pos))) {
        while (pos < input.length() && isDigit(input.charAt(pos))) {
          pos++;
        }
      } else {
        pos = save;
      }
    }
    String number = input.substring(start, pos);
    // Like Loki: the characters up to the next space decide whether this is a duration or a size.
    int durationEnd = durationRunEnd(pos);
    if (durationEnd > pos) {
      String text = input.substring(start, durationEnd);
      try {
        Duration d = Durations.parse(text);
        tokens.add(new Token(TokenKind.DURATION, text, d, startLine, startColumn));
        pos = durationEnd;
        return;
      } catch (IllegalArgumentException e) {
        // not a duration
      }
    }
    int bytesEnd = pos;
    while (bytesEnd < input.length()
        && (isDigit(input.charAt(bytesEnd))
            || input.charAt(bytesEnd) == '.'
            || "BikKMGTP".indexOf(input.charAt(bytesEnd)) >= 0)) {
      bytesEnd++;
    }
    if (bytesEnd > pos) {
      String text = input.substring(start, bytesEnd);
      try {
        long bytes = ByteSizes.parse(text);
        tokens.add(new Token(TokenKind.BYTES, text, bytes, startLine, startColumn));
        pos = bytesEnd;
        return;
      } catch (IllegalArgumentException e) {
        // not a byte size
      }
    }
    tokens.add(new Token(TokenKind.NUMBER, number, number, startLine, startColumn));
  }

  private int durationRunEnd(int from) {
    int end = from;
    while (end < input.length()) {
      char ch = input.charAt(end);
      if (isDigit(ch) || ch == '.' || "numsshdwy\u00b5\u03bc".indexOf(ch) >= 0) {
        end++;
      } else {
        break;
      }
    }
    return end;
  }

  private void scanRange(int startLine, int startColumn) {
    int close = input.indexOf(']', pos);
    if (close < 0) {
      throw error("missing closing ']' in duration", startLine, startColumn);
    }
    String text = input.substring(pos + 1, close);
    Duration d;
    try {
      d = Durations.parsePrometheus(text);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage(), startLine, startColumn);
    }
    while (pos <= close) {
      advance();
    }
    tokens.add(new Token(TokenKind.RANGE, "[" + text + "]", d, startLine, startColumn));
  }

  private String scanRaw() {
    int startLine = line;
    int startColumn = column();
    advance();
    StringBuilder out = new StringBuilder();
    while (pos < input.length() && input.charAt(pos) != '`') {
      char ch = input.charAt(pos);
      if (ch != '\r') { // Go drops carriage returns from raw strings
        out.append(ch);
      }
      advance();
    }
    if (pos >= input.length()) {
      throw error("literal not terminated", startLine, startColumn);
    }
    advance();
    return out.toString();
  }

  /** A Go double-quoted string with its escapes. */
  private String scanQuoted() {
    int startLine = line;
    int startColumn = column();
    pos++;
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= input.length() || input.charAt(pos) == '\n') {
        throw error("literal not terminated", startLine, startColumn);
      }
      char ch = input.charAt(pos);
      if (ch == '"') {
        pos++;
        return out.toString();
      }
      if (ch != '\\') {
        out.append(ch);
        pos++;
        continue;
      }
      int escapeColumn = column();
      pos++;
      if (pos >= input.length()) {
        throw error("literal not terminated", startLine, startColumn);
      }
      char e = input.charAt(pos++);
      switch (e) {
        case 'a':
          out.append('\u0007');
          break;
        case 'b':
          out.append('\b');
          break;
        case 'f':
          out.append('\f');
          break;
        case 'n':
          out.append('\n');
          break;
        case 'r':
          out.append('\r');
          break;
        case 't':
          out.append('\t');
          break;
        case 'v':
          out.append('\u000b');
          break;
        case '\\':
          out.append('\\');
          break;
        case '"':
          out.append('"');
          break;
        case 'x':
          out.append((char) hex(2, startLine, escapeColumn));
          break;
        case 'u':
          out.appendCodePoint(codePoint(hex(4, startLine, escapeColumn), startLine, escapeColumn));
          break;
        case 'U':
          out.appendCodePoint(codePoint(hex(8, startLine, escapeColumn), startLine, escapeColumn));
          break;
        default:
          if (e >= '0' && e <= '7') {
            pos--;
            int value = 0;
            for (int i = 0; i < 3; i++) {
              char d = pos < input.length() ? input.charAt(pos) : 'x';
              if (d < '0' || d > '7') {
                throw error("invalid char escape", startLine, escapeColumn);
              }
              value = value * 8 + (d - '0');
              pos++;
            }
            if (value > 255) {
              throw error("invalid char escape", startLine, escapeColumn);
            }
            out.append((char) value);
          } else {
            throw error("invalid char escape", startLine, escapeColumn);
          }
      }
    }
  }

  private int hex(int digits, int errLine, int errColumn) {
    if (pos + digits > input.length()) {
      throw error("invalid char escape", errLine, errColumn);
    }
    int value = 0;
    for (int i = 0; i < digits; i++) {
      int d = Character.digit(input.charAt(pos++), 16);
      if (d < 0) {
        throw error("invalid char escape", errLine, errColumn);
      }
      value = value * 16 + d;
    }
    return value;
  }

  private int codePoint(int value, int errLine, int errColumn) {
    if (!Character.isValidCodePoint(value) || (value >= 0xD800 && value <= 0xDFFF)) {
      throw error("escape sequence is invalid Unicode code point", errLine, errColumn);
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Second pass: words become functions, keywords or identifiers by what follows them. */
  private void classifyWords() {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() != TokenKind.IDENTIFIER) {
        continue;
      }
      String lower = t.text().toLowerCase(Locale.ROOT);
      if (Vocabulary.isFunction(lower)) {
        if (followedByCall(i)) {
          tokens.set(i, new Token(TokenKind.FUNCTION, lower, lower, t.line(), t.column()));
        }
        continue;
      }
      TokenKind keyword = Vocabulary.keyword(lower);
      if (keyword != null) {
        tokens.set(i, new Token(keyword, t.text(), lower, t.line(), t.column()));
      }
    }
  }

  private boolean followedByCall(int i) {
    Token next = tokens.get(i + 1);
    if (next.kind() == TokenKind.OPEN_PARENTHESIS) {
      return true;
    }
    if (next.kind() == TokenKind.IDENTIFIER) {
      String word = next.text().toLowerCase(Locale.ROOT);
      return (word.equals("by") || word.equals("without"))
          && tokens.get(i + 2).kind() == TokenKind.OPEN_PARENTHESIS;
    }
    return false;
  }
}
