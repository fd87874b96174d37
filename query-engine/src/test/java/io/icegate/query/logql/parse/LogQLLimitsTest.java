package io.icegate.query.logql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.query.logql.ast.LogSelector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hostile inputs end in a {@link LogQLParseException}, never a stack overflow or another error. */
class LogQLLimitsTest {
  private static final String DEPTH_MESSAGE =
      "query nests too deeply (more than " + LogQL.MAX_DEPTH + " levels)";

  @Test
  void deepParenthesesAreRefusedWithoutStackOverflow() {
    String query = "(".repeat(60_000) + "1" + ")".repeat(60_000);
    assertThatThrownBy(() -> LogQL.parse(query))
        .isInstanceOf(LogQLParseException.class)
        .hasMessageContaining(DEPTH_MESSAGE)
        .hasMessageStartingWith("parse error at line 1, col ");
  }

  @Test
  void unbalancedParenthesesAreRefused() {
    assertThatThrownBy(() -> LogQL.parse("(".repeat(60_000)))
        .isInstanceOf(LogQLParseException.class)
        .hasMessageContaining(DEPTH_MESSAGE);
  }

  @Test
  void deepAggregationsLabelFiltersAndOperatorChainsAreRefused() {
    String rate = "rate({a=\"b\"}[1m])";
    List<String> queries =
        List.of(
            "sum(".repeat(5000) + rate + ")".repeat(5000),
            "{a=\"b\"} | " + "(".repeat(5000) + "x=\"1\"" + ")".repeat(5000),
            "{a=\"b\"} | " + "x=\"1\", ".repeat(5000) + "x=\"1\"",
            "{a=\"b\"} | " + "x=\"1\" or ".repeat(5000) + "x=\"1\"",
            (rate + " + ").repeat(2000) + rate,
            (rate + " ^ ").repeat(2000) + rate,
            "label_replace(".repeat(3000) + rate + ", \"a\", \"b\", \"c\", \"d\")".repeat(3000));
    for (String query : queries) {
      assertThatThrownBy(() -> LogQL.parse(query))
          .as(query.substring(0, 40))
          .isInstanceOf(LogQLParseException.class)
          .hasMessageContaining(DEPTH_MESSAGE);
    }
  }

  @Test
  void nestingJustUnderTheLimitParses() {
    int depth = LogQL.MAX_DEPTH / 2 - 2;
    String query = "(".repeat(depth) + "vector(1)" + ")".repeat(depth);
    assertThat(LogQL.parse(query).toString()).isEqualTo("vector(1)");
  }

  @Test
  void longPipelinesAndLongStringsAreFine() {
    LogSelector selector = LogQL.parseLogQuery("{a=\"b\"}" + " |= \"x\" | y=\"z\"".repeat(3000));
    assertThat(selector.pipeline()).hasSize(6000);
    String big = "x".repeat(100_000);
    assertThat(LogQL.parseLogQuery("{a=\"" + big + "\"}").matchers().get(0).value()).isEqualTo(big);
  }

  @Test
  void inputOfLokisMaximumSizeIsRefused() {
    String query = "{app=\"" + "x".repeat(LogQL.MAX_QUERY_BYTES) + "\"}";
    assertThatThrownBy(() -> LogQL.parse(query))
        .isInstanceOf(LogQLParseException.class)
        .hasMessage("parse error : input size too long (131080 > 131072)");
    // multi-byte characters count as bytes, as in Go
    String wide = "{app=\"" + "\u00e9".repeat(LogQL.MAX_QUERY_BYTES / 2) + "\"}";
    assertThatThrownBy(() -> LogQL.parse(wide)).hasMessageContaining("input size too long");
  }

  @Test
  void nullIsAParseError() {
    assertThatThrownBy(() -> LogQL.parse(null))
        .isInstanceOf(LogQLParseException.class)
        .hasMessage("parse error : syntax error: unexpected $end");
  }

  /** Random token soup: the only exception that may escape is LogQLParseException. */
  @Test
  void randomInputNeverEscapesAsAnotherException() {
    String[] pieces = {
      "{",
      "}",
      "(",
      ")",
      "[5m]",
      "[",
      "]",
      "a",
      "b",
      "=",
      "!=",
      "=~",
      "!~",
      "|=",
      "|~",
      "|>",
      "!>",
      "|",
      "\"x\"",
      "`y`",
      "\"(\"",
      ",",
      "json",
      "logfmt",
      "--strict",
      "unwrap",
      "bytes",
      "(c)",
      "sum",
      "rate",
      "count_over_time",
      "quantile_over_time",
      "topk",
      "by",
      "without",
      "on",
      "ignoring",
      "group_left",
      "bool",
      "and",
      "or",
      "unless",
      "+",
      "-",
      "*",
      "/",
      "%",
      "^",
      "==",
      ">",
      "<=",
      "1",
      "0.5",
      "-2",
      "5m",
      "10KB",
      "offset",
      "vector",
      "label_replace",
      "ip",
      "line_format",
      "label_format",
      "drop",
      "keep",
      "pattern",
      "regexp",
      "decolorize",
      "#",
      "\n",
      " ",
      "\\",
      "\"",
      "@",
      "\u00e9",
      "1e999",
      "sort"
    };
    Random random = new Random(7);
    int parsed = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder query = new StringBuilder(random.nextBoolean() ? "{a=\"b\"} " : "");
      int length = 1 + random.nextInt(25);
      for (int j = 0; j < length; j++) {
        query.append(pieces[random.nextInt(pieces.length)]).append(random.nextBoolean() ? " " : "");
      }
      try {
        String canonical = LogQL.parse(query.toString()).toString();
        assertThat(LogQL.parse(canonical).toString()).as(query.toString()).isEqualTo(canonical);
        parsed++;
      } catch (LogQLParseException expected) {
        assertThat(expected.getMessage()).startsWith("parse error");
      }
    }
    // the soup is meant to reach deep into the grammar, not only fail at the first token
    assertThat(parsed).isGreaterThan(50);
  }
}
