package io.icegate.query.logql.parse;

import io.icegate.query.logql.ast.Expr;
import io.icegate.query.logql.ast.LogSelector;
import io.icegate.query.logql.ast.Matcher;
import io.icegate.query.logql.ast.SampleExpr;
import java.util.List;

/** Entry point of the LogQL parser. Thread-safe; every call parses independently. */
public final class LogQL {
  /** Queries of this many UTF-8 bytes or more are refused, as Loki's {@code maxInputSize}. */
  public static final int MAX_QUERY_BYTES = 128 * 1024;

  /** Deepest nesting accepted (parentheses, aggregations, chained operators, label filters). */
  public static final int MAX_DEPTH = 256;

  private LogQL() {}

  /**
   * Parses a LogQL query (log or metric).
   *
   * @throws LogQLParseException if the text is not valid LogQL, with the position and Loki's
   *     wording; also when the text is at least {@link #MAX_QUERY_BYTES} long or nests deeper than
   *     {@link #MAX_DEPTH}
   */
  public static Expr parse(String query) {
    return new Parser(Lexer.tokenize(query)).parseQuery();
  }

  /**
   * Parses a bare stream selector ({@code match[]} of {@code /series}, {@code query} of {@code
   * /labels}), as Loki's {@code ParseMatchers}: anything but a selector is {@code only label
   * matchers are supported}; {@code validate} applies the non-empty matcher rule ({@code {}} is
   * accepted without it).
   */
  public static List<Matcher> parseMatchers(String query, boolean validate) {
    Expr expr = new Parser(Lexer.tokenize(query)).parseQuery(validate);
    if (!(expr instanceof LogSelector) || !((LogSelector) expr).pipeline().isEmpty()) {
      throw LogQLParseException.plain("only label matchers are supported");
    }
    return ((LogSelector) expr).matchers();
  }

  /** Parses a log query; a metric query is an error. */
  public static LogSelector parseLogQuery(String query) {
    Expr expr = parse(query);
    if (!(expr instanceof LogSelector)) {
      throw LogQLParseException.plain("only log selector is supported");
    }
    return (LogSelector) expr;
  }

  /** Parses a metric query; a log query is an error. */
  public static SampleExpr parseMetricQuery(String query) {
    Expr expr = parse(query);
    if (!(expr instanceof SampleExpr)) {
      throw LogQLParseException.plain("only sample expression supported");
    }
    return (SampleExpr) expr;
  }
}
