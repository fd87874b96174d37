package io.icegate.query.promql.parse;

import io.icegate.query.promql.parse.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits a query into tokens, following Prometheus' lexer ({@code promql/parser/lex.go}). */
final class Lexer {
  private final String in;
  private int p;

  private Lexer(String in) {
    this.in = in;
  }

  static List<Token> lex(String query) {
    Lexer l = new Lexer(query);
    List<Token> out = new ArrayList<>();
    while (true) {
      Token t = l.next();
      out.add(t);
      if (t.kind() == Kind.EOF) {
        return out;
      }
    }
  }

  private PromqlParseException error(int pos, String reason) {
    return new PromqlParseException(in, pos, reason);
  }

  private Token next() {
    while (p < in.length()) {
      char c = in.charAt(p);
      if (c == '#') {
        while (p < in.length() && in.charAt(p) != '\n') {
          p++;
        }
      } else if (Character.isWhitespace(c)) {
        p++;
      } else {
        break;
      }
    }
    int start = p;
    if (p >= in.length()) {
      return new Token(Kind.EOF, "", p);
    }
    char c = in.charAt(p);
    switch (c) {
      case '(':
        return single(Kind.LEFT_PAREN);
      case ')':
        return single(Kind.RIGHT_PAREN);
      case '{':
        return single(Kind.LEFT_BRACE);
      case '}':
        return single(Kind.RIGHT_BRACE);
      case '[':
        return single(Kind.LEFT_BRACKET);
      case ']':
        return single(Kind.RIGHT_BRACKET);
      case ',':
        return single(Kind.COMMA);
      case ':':
        return single(Kind.COLON);
      case '@':
        return single(Kind.AT);
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
      case '^':
        return single(Kind.OPERATOR);
      case '=':
        if (peek(1) == '=') {
          return multi(Kind.OPERATOR, 2);
        }
        if (peek(1) == '~') {
          return multi(Kind.EQL_REGEX, 2);
        }
        return single(Kind.ASSIGN);
      case '!':
        if (peek(1) == '=') {
          return multi(Kind.OPERATOR, 2);
        }
        if (peek(1) == '~') {
          return multi(Kind.NEQ_REGEX, 2);
        }
        throw error(start, "unexpected character after '!': " + quoteChar(peek(1)));
      case '<':
      case '>':
        // "</" and ">/" are the native histogram trim operators.
        return peek(1) == '=' || peek(1) == '/' ? multi(Kind.OPERATOR, 2) : single(Kind.OPERATOR);
      case '"':
      case '\'':
      case '`':
        return string(c);
      default:
        break;
    }
    if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
      return number();
    }
    if (isIdentStart(c)) {
      while (p < in.length() && isIdentPart(in.charAt(p))) {
        p++;
      }
      return new Token(Kind.IDENT, in.substring(start, p), start);
    }
    throw error(start, "unexpected character: " + quoteChar(c));
  }

  private static String quoteChar(char c) {
    return c == 0 ? "end of input" : "'" + c + "'";
  }

  private char peek(int ahead) {
    int i = p + ahead;
    return i < in.length() ? in.charAt(i) : 0;
  }

  private Token single(Kind kind) {
    return multi(kind, 1);
  }

  private Token multi(Kind kind, int len) {
    Token t = new Token(kind, in.substring(p, p + len), p);
    p += len;
    return t;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || isDigit(c);
  }

  static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c);
  }

  private static boolean isUnit(char c) {
    return c == 's' || c == 'm' || c == 'h' || c == 'd' || c == 'w' || c == 'y';
  }

  private Token number() {
    int start = p;
    if (in.charAt(p) == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
      p += 2;
      while (p < in.length() && (Character.digit(in.charAt(p), 16) >= 0 || in.charAt(p) == '_')) {
        p++;
      }
      return finishNumber(start);
    }
    digits();
    if (p < in.length() && in.charAt(p) == '.') {
      p++;
      digits();
    }
    if (p < in.length() && (in.charAt(p) == 'e' || in.charAt(p) == 'E')) {
      int save = p;
      p++;
      if (p < in.length() && (in.charAt(p) == '+' || in.charAt(p) == '-')) {
        p++;
      }
      if (p < in.length() && isDigit(in.charAt(p))) {
        digits();
      } else {
        p = save;
      }
    }
    // A number followed by a unit is a duration such as 5m or 1h30m.
    String soFar = in.substring(start, p);
    if (p < in.length()
        && isUnit(in.charAt(p))
        && soFar.chars().allMatch(ch -> isDigit((char) ch))) {
      while (p < in.length() && (isDigit(in.charAt(p)) || isUnit(in.charAt(p)))) {
        p++;
      }
      if (p < in.length() && isAlnum(in.charAt(p))) {
        throw error(start, "bad number or duration syntax: \"" + in.substring(start, p + 1) + "\"");
      }
      return new Token(Kind.DURATION, in.substring(start, p), start);
    }
    return finishNumber(start);
  }

  private Token finishNumber(int start) {
    if (p < in.length() && (isAlnum(in.charAt(p)) || in.charAt(p) == '.')) {
      throw error(start, "bad number or duration syntax: \"" + in.substring(start, p + 1) + "\"");
    }
    return new Token(Kind.NUMBER, in.substring(start, p), start);
  }

  private void digits() {
    while (p < in.length() && (isDigit(in.charAt(p)) || in.charAt(p) == '_')) {
      p++;
    }
  }

  private Token string(char quote) {
    int start = p;
    p++;
    while (true) {
      if (p >= in.length()) {
        throw error(start, "unterminated " + (quote == '`' ? "raw string" : "quoted string"));
      }
      char c = in.charAt(p);
      if (c == '\\' && quote != '`') {
        p += 2;
        continue;
      }
      if (c == '\n' && quote != '`') {
        throw error(start, "unterminated quoted string");
      }
      p++;
      if (c == quote) {
        return new Token(Kind.STRING, in.substring(start, p), start);
      }
    }
  }
}
