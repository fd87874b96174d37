package io.icegate.query.logql.parse;

import io.icegate.lake.error.ErrorKind;

/**
 * A query that is not valid LogQL. The message follows Loki's {@code ParseError}: {@code parse
 * error at line L, col C: msg} for errors with a position, {@code parse error : msg} for semantic
 * errors Loki reports without one (line and column are then 0).
 */
public final class LogQLParseException extends RuntimeException implements ErrorKind.Classified {
  private final int line;
  private final int column;
  private final String detail;

  public LogQLParseException(String detail, int line, int column) {
    this(render(detail, line, column), detail, line, column);
  }

  private LogQLParseException(String message, String detail, int line, int column) {
    super(message);
    this.line = line;
    this.column = column;
    this.detail = detail;
  }

  /**
   * An error Loki returns as a plain error, without the {@code parse error} prefix ({@code only log
   * selector is supported}, {@code only label matchers are supported}).
   */
  public static LogQLParseException plain(String message) {
    return new LogQLParseException(message, message, 0, 0);
  }

  /** A semantic error without a position. */
  public static LogQLParseException semantic(String detail) {
    return new LogQLParseException(detail, 0, 0);
  }

  private static String render(String detail, int line, int column) {
    if (line == 0 && column == 0) {
      return "parse error : " + detail;
    }
    return "parse error at line " + line + ", col " + column + ": " + detail;
  }

  /** 1-based line of the offending token, 0 when the error has no position. */
  public int line() {
    return line;
  }

  /** 1-based column (in characters) of the offending token, 0 when the error has no position. */
  public int column() {
    return column;
  }

  /** The message without the {@code parse error ...:} prefix. */
  public String detail() {
    return detail;
  }

  @Override
  public ErrorKind kind() {
    return ErrorKind.BAD_INPUT;
  }
}
