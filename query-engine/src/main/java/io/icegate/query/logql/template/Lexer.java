package io.icegate.query.logql.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a template into tokens as Go's {@code text/template/parse} lexer does: text, actions
 * between {@code {{ }}} with the trim markers {@code {{- } and {@code -}}}, and comments {@code
 * {{/* … *}{@code /}}}.
 */
final class Lexer {
  private static final Set<String> KEYWORDS =
      Set.of(
          "if", "else", "end", "range", "with", "define", "template", "block", "break", "continue");

  private final String name;
  private final String input;
  private final List<Token> tokens = new ArrayList<>();
  private int pos;

  Lexer(String name, String input) {
    this.name = name;
    this.input = input;
  }

  List<Token> lex() {
    while (pos < input.length()) {
      int open = input.indexOf("{{", pos);
      if (open < 0) {
        tokens.add(new Token(Token.Kind.TEXT, input.substring(pos), pos));
        pos = input.length();
        break;
      }
      int textEnd = open;
      boolean trimLeft =
          input.startsWith("{{-", open)
              && open + 3 < input.length()
              && Character.isWhitespace(input.charAt(open + 3));
      if (trimLeft) {
        while (textEnd > pos && Character.isWhitespace(input.charAt(textEnd - 1))) {
          textEnd--;
        }
      }
      if (textEnd > pos) {
        tokens.add(new Token(Token.Kind.TEXT, input.substring(pos, textEnd), pos));
      }
      pos = open + (trimLeft ? 3 : 2);
      if (input.startsWith("/*", skipSpace(pos))) {
        lexComment();
        continue;
      }
      tokens.add(new Token(Token.Kind.LEFT_DELIM, "{{", open));
      lexInside();
    }
    tokens.add(new Token(Token.Kind.EOF, "", input.length()));
    return tokens;
  }

  private int skipSpace(int at) {
    while (at < input.length() && Character.isWhitespace(input.charAt(at))) {
      at++;
    }
    return at;
  }

  private void lexComment() {
    int start = skipSpace(pos);
    int end = input.indexOf("*/", start + 2);
    if (end < 0) {
      throw error(start, "unclosed comment");
    }
    int after = end + 2;
    int close = skipSpace(after);
    boolean trimRight = input.startsWith("-}}", close) && close > after;
    if (!trimRight && !input.startsWith("}}", close)) {
      throw error(end, "comment ends before closing delimiter");
    }
    pos = close + (trimRight ? 3 : 2);
    if (trimRight) {
      pos = skipSpace(pos);
    }
  }

  private void lexInside() {
    int parens = 0;
    while (true) {
      if (pos >= input.length()) {
        throw error(pos, "unclosed action");
      }
      char c = input.charAt(pos);
      if (Character.isWhitespace(c)) {
        int start = pos;
        pos = skipSpace(pos);
        if (input.startsWith("-}}", pos)) {
          tokens.add(new Token(Token.Kind.RIGHT_DELIM, "}}", pos));
          pos = skipSpace(pos + 3);
          return;
        }
        tokens.add(new Token(Token.Kind.SPACE, input.substring(start, pos), start));
        continue;
      }
      if (input.startsWith("}}", pos)) {
        if (parens > 0) {
          throw error(pos, "unclosed left paren");
        }
        tokens.add(new Token(Token.Kind.RIGHT_DELIM, "}}", pos));
        pos += 2;
        return;
      }
      int start = pos;
      switch (c) {
        case '|' -> add(Token.Kind.PIPE, 1);
        case '(' -> {
          parens++;
          add(Token.Kind.LEFT_PAREN, 1);
        }
        case ')' -> {
          if (--parens < 0) {
            throw error(pos, "unexpected right paren");
          }
          add(Token.Kind.RIGHT_PAREN, 1);
        }
        case ',' -> add(Token.Kind.COMMA, 1);
        case '=' -> add(Token.Kind.ASSIGN, 1);
        case ':' -> {
          if (!input.startsWith(":=", pos)) {
            throw error(pos, "expected :=");
          }
          add(Token.Kind.DECLARE, 2);
        }
        case '"' -> lexQuote(start);
        case '`' -> {
          int end = input.indexOf('`', pos + 1);
          if (end < 0) {
            throw error(pos, "unterminated raw quoted string");
          }
          pos = end + 1;
          tokens.add(new Token(Token.Kind.RAW_STRING, input.substring(start, pos), start));
        }
        case '\'' -> {
          int end = pos + 1;
          while (end < input.length() && input.charAt(end) != '\'') {
            end += input.charAt(end) == '\\' ? 2 : 1;
          }
          if (end >= input.length()) {
            throw error(pos, "unterminated character constant");
          }
          pos = end + 1;
          tokens.add(new Token(Token.Kind.CHAR, input.substring(start, pos), start));
        }
        case '$' -> {
          pos++;
          while (pos < input.length() && isAlnum(input.charAt(pos))) {
            pos++;
          }
          tokens.add(new Token(Token.Kind.VARIABLE, input.substring(start, pos), start));
        }
        case '.' -> {
          if (pos + 1 < input.length() && Character.isDigit(input.charAt(pos + 1))) {
            lexNumber(start);
          } else if (pos + 1 < input.length() && isAlnum(input.charAt(pos + 1))) {
            pos++;
            while (pos < input.length() && isAlnum(input.charAt(pos))) {
              pos++;
            }
            tokens.add(new Token(Token.Kind.FIELD, input.substring(start, pos), start));
          } else {
            add(Token.Kind.DOT, 1);
          }
        }
        default -> {
          if (c == '+' || c == '-' || Character.isDigit(c)) {
            lexNumber(start);
          } else if (isAlnum(c)) {
            while (pos < input.length() && isAlnum(input.charAt(pos))) {
              pos++;
            }
            String word = input.substring(start, pos);
            Token.Kind kind =
                KEYWORDS.contains(word)
                    ? Token.Kind.KEYWORD
                    : word.equals("true") || word.equals("false")
                        ? Token.Kind.BOOL
                        : word.equals("nil") ? Token.Kind.NIL : Token.Kind.IDENTIFIER;
            tokens.add(new Token(kind, word, start));
          } else {
            throw error(pos, "unrecognized character in action: " + quoteChar(c));
          }
        }
      }
    }
  }

  private void add(Token.Kind kind, int length) {
    tokens.add(new Token(kind, input.substring(pos, pos + length), pos));
    pos += length;
  }

  private void lexQuote(int start) {
    pos++;
    while (true) {
      if (pos >= input.length() || input.charAt(pos) == '\n') {
        throw error(start, "unterminated quoted string");
      }
      char c = input.charAt(pos);
      if (c == '\\') {
        pos += 2;
        continue;
      }
      pos++;
      if (c == '"') {
        break;
      }
    }
    tokens.add(new Token(Token.Kind.STRING, input.substring(start, pos), start));
  }

  private void lexNumber(int start) {
    if (input.charAt(pos) == '+' || input.charAt(pos) == '-') {
      pos++;
    }
    while (pos < input.length()) {
      char c = input.charAt(pos);
      boolean exponentSign =
          (c == '+' || c == '-')
              && pos > start
              && "eEpP".indexOf(input.charAt(pos - 1)) >= 0
              && !input.substring(start, pos).matches("[+-]?0[xX].*[eE]");
      if (isAlnum(c) || c == '.' || exponentSign) {
        pos++;
      } else {
        break;
      }
    }
    tokens.add(new Token(Token.Kind.NUMBER, input.substring(start, pos), start));
  }

  private static boolean isAlnum(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  private static String quoteChar(char c) {
    return "U+" + String.format("%04X", (int) c) + " '" + c + "'";
  }

  TemplateException error(int at, String message) {
    return new TemplateException("template: " + name + ":" + lineOf(input, at) + ": " + message);
  }

  static int lineOf(String input, int at) {
    int line = 1;
    for (int i = 0; i < at && i < input.length(); i++) {
      if (input.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
