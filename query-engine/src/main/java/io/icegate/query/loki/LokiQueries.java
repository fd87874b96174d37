package io.icegate.query.loki;

import io.icegate.query.logql.ast.Expr;
import io.icegate.query.logql.ast.LogSelector;
import java.util.List;

/**
 * Turns LogQL text into what the evaluators run; a bad query throws {@link LokiBadRequestException}
 * with Loki's message.
 */
public final class LokiQueries {
  private LokiQueries() {}

  /** A log query; a metric query here is a 400. */
  public static LogSelection logQuery(String query) {
    Expr expr = LogQlPlanner.parse(query);
    if (!(expr instanceof LogSelector selector)) {
      throw new LokiBadRequestException("parse error : only log selector is supported");
    }
    return LogQlPlanner.selection(selector);
  }

  /** A stream selector alone ({@code match[]}). */
  public static List<LabelMatcher> selector(String query) {
    Expr expr = LogQlPlanner.parse(query);
    if (!(expr instanceof LogSelector selector) || !selector.pipeline().isEmpty()) {
      throw new LokiBadRequestException("parse error : only a stream selector is supported here");
    }
    return LogQlPlanner.matchers(selector.matchers());
  }

  /** The stream selector of a log query (the {@code query} parameter of the metadata endpoints). */
  public static List<LabelMatcher> selectorOf(String query) {
    Expr expr = LogQlPlanner.parse(query);
    if (!(expr instanceof LogSelector selector)) {
      throw new LokiBadRequestException("parse error : only log selector is supported");
    }
    return LogQlPlanner.matchers(selector.matchers());
  }
}
