package io.icegate.query.loki;

import java.util.List;

/** Turns LogQL text into what the evaluators run. */
final class LokiQueries {
  private LokiQueries() {}

  static LogSelection logQuery(String query) {
    return SelectorParser.logQuery(query);
  }

  static List<LabelMatcher> selector(String query) {
    return SelectorParser.selector(query);
  }

  /** The stream selector of any query (the {@code query} parameter of the metadata endpoints). */
  static List<LabelMatcher> selectorOf(String query) {
    return SelectorParser.logQuery(query).selector();
  }
}
