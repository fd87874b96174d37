package io.icegate.query.logql.parse;

import java.util.List;

/**
 * The parser's position in the token list, with Loki-style syntax errors and the nesting budget
 * that keeps deep inputs ({@code ((((...}) from overflowing the stack.
 */
final class TokenCursor {
  private final List<Token> tokens;
  private int index;
  private int depth;

  TokenCursor(List<Token> tokens) {
    this.tokens = tokens;
  }

  Token peek() {
    return checked(tokens.get(index));
  }

  /** The token {@code ahead} positions after the current one (EOF past the end). */
  Token peek(int ahead) {
    return checked(tokens.get(Math.min(index + ahead, tokens.size() - 1)));
  }

  /** A lexical error surfaces when the parser gets to it, so earlier syntax errors win. */
  private static Token checked(Token t) {
    if (t.kind() == TokenKind.ERROR) {
      throw (LogQLParseException) t.value();
    }
    return t;
  }

  boolean at(TokenKind kind) {
    return peek().is(kind);
  }

  Token next() {
    Token t = checked(tokens.get(index));
    if (index < tokens.size() - 1) {
      index++;
    }
    return t;
  }

  /** Consumes a token of {@code kind} or fails with {@code unexpected X, expecting kind}. */
  Token expect(TokenKind kind) {
    if (!at(kind)) {
      throw unexpected(peek(), kind.displayName());
    }
    return next();
  }

  /** Consumes the token if it is of {@code kind}. */
  boolean accept(TokenKind kind) {
    if (at(kind)) {
      next();
      return true;
    }
    return false;
  }

  /** {@code syntax error: unexpected X[, expecting A or B]} at the token's position. */
  static LogQLParseException unexpected(Token t, String... expecting) {
    StringBuilder message = new StringBuilder("syntax error: unexpected ").append(t.displayName());
    // goyacc lists the expected tokens only when there are at most four of them.
    if (expecting.length > 0 && expecting.length <= 4) {
      message.append(", expecting ").append(String.join(" or ", expecting));
    }
    return new LogQLParseException(message.toString(), t.line(), t.column());
  }

  /** An error with the position of {@code t}. */
  static LogQLParseException at(Token t, String message) {
    return new LogQLParseException(message, t.line(), t.column());
  }

  /** Enters one nesting level; fails past {@link LogQL#MAX_DEPTH}. */
  void enter(Token at) {
    if (++depth > LogQL.MAX_DEPTH) {
      throw at(at, "query nests too deeply (more than " + LogQL.MAX_DEPTH + " levels)");
    }
  }

  void exit(int levels) {
    depth -= levels;
  }
}
