package io.icegate.query.logql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.query.logql.ast.MatchOp;
import io.icegate.query.logql.ast.Matcher;
import org.junit.jupiter.api.Test;

/** The typed entry points answer with Loki's plain messages for the wrong kind of query. */
class LogQLEntryPointsTest {
  @Test
  void parseLogQueryRefusesMetricQueries() {
    assertThatThrownBy(() -> LogQL.parseLogQuery("count_over_time({app=\"a\"}[5m])"))
        .isInstanceOf(LogQLParseException.class)
        .hasMessage("only log selector is supported");
  }

  @Test
  void parseMetricQueryRefusesLogQueries() {
    assertThatThrownBy(() -> LogQL.parseMetricQuery("{app=\"a\"} |= \"x\""))
        .isInstanceOf(LogQLParseException.class)
        .hasMessage("only sample expression supported");
  }

  @Test
  void parseMatchersAcceptsOnlyASelector() {
    assertThat(LogQL.parseMatchers("{app=\"a\", pod=~\"p.*\"}", true))
        .containsExactly(
            new Matcher("app", MatchOp.EQ, "a"), new Matcher("pod", MatchOp.RE, "p.*"));
    assertThat(LogQL.parseMatchers("{ }", false)).isEmpty();
    assertThat(LogQL.parseMatchers("{app=\"\"}", false))
        .containsExactly(new Matcher("app", MatchOp.EQ, ""));
    assertThatThrownBy(() -> LogQL.parseMatchers("{app=\"\"}", true))
        .hasMessageStartingWith("parse error : queries require at least one regexp");
    assertThatThrownBy(() -> LogQL.parseMatchers("{app=\"a\"} |= \"foo\"", true))
        .isInstanceOf(LogQLParseException.class)
        .hasMessage("only label matchers are supported");
    assertThatThrownBy(() -> LogQL.parseMatchers("count_over_time({app=\"a\"}[5m])", true))
        .hasMessage("only label matchers are supported");
    assertThatThrownBy(() -> LogQL.parseMatchers("{app=\"a\"", true))
        .hasMessage(
            "parse error at line 1, col 9: syntax error: unexpected $end, expecting , or }");
  }
}
