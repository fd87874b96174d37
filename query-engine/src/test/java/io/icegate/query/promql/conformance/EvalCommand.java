package io.icegate.query.promql.conformance;

import io.icegate.query.series.Labels;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One {@code eval} of a promqltest script with everything it expects. */
final class EvalCommand {
  /** An {@code expect <kind> [msg|regex]: text} line; a null pattern and message match anything. */
  record Expectation(String message, Pattern regex) {
    boolean matches(String s) {
      if (regex != null) {
        return regex.matcher(s).find();
      }
      return message == null || message.equals(s);
    }
  }

  /** Expected values of one series and its position for ordered results (from 1). */
  record Expected(int pos, List<Object> values) {}

  final String expr;
  final int line;
  final boolean isRange;
  long start;
  long end;
  long step;
  long evalTime;
  boolean fail;
  boolean warn;
  boolean info;
  boolean ordered;
  String expectedFailMessage;
  Pattern expectedFailRegexp;
  final Map<String, List<Expectation>> expects = new HashMap<>();
  final Map<Labels, Expected> expected = new LinkedHashMap<>();
  boolean expectScalar;
  Double scalar;
  String expectedString;
  boolean excludeFromRangeQuery;
  boolean expectRangeVector;
  boolean hasHistogramExpectation;

  EvalCommand(String expr, int line, boolean isRange) {
    this.expr = expr;
    this.line = line;
    this.isRange = isRange;
  }

  List<Expectation> expects(String kind) {
    return expects.getOrDefault(kind, List.of());
  }

  void addExpect(String kind, Expectation e) {
    expects.computeIfAbsent(kind, k -> new ArrayList<>()).add(e);
  }

  boolean isFail() {
    return fail || !expects("fail").isEmpty();
  }

  boolean isOrdered() {
    return ordered || !expects("ordered").isEmpty();
  }
}
