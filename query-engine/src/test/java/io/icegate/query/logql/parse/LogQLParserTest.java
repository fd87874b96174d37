package io.icegate.query.logql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.query.logql.ast.AndLabelFilter;
import io.icegate.query.logql.ast.BytesLabelFilter;
import io.icegate.query.logql.ast.CompareOp;
import io.icegate.query.logql.ast.Decolorize;
import io.icegate.query.logql.ast.DropLabels;
import io.icegate.query.logql.ast.DurationLabelFilter;
import io.icegate.query.logql.ast.IpLabelFilter;
import io.icegate.query.logql.ast.JsonParser;
import io.icegate.query.logql.ast.KeepLabels;
import io.icegate.query.logql.ast.LabelExtraction;
import io.icegate.query.logql.ast.LabelFilterExpr;
import io.icegate.query.logql.ast.LabelFilterStage;
import io.icegate.query.logql.ast.LabelFormatExpr;
import io.icegate.query.logql.ast.LabelFormatOp;
import io.icegate.query.logql.ast.LabelTerm;
import io.icegate.query.logql.ast.LineFilterExpr;
import io.icegate.query.logql.ast.LineFilterOp;
import io.icegate.query.logql.ast.LineFilterValue;
import io.icegate.query.logql.ast.LineFormat;
import io.icegate.query.logql.ast.LogSelector;
import io.icegate.query.logql.ast.LogfmtParser;
import io.icegate.query.logql.ast.MatchOp;
import io.icegate.query.logql.ast.Matcher;
import io.icegate.query.logql.ast.NumericLabelFilter;
import io.icegate.query.logql.ast.OrLabelFilter;
import io.icegate.query.logql.ast.PatternParser;
import io.icegate.query.logql.ast.PipelineStage;
import io.icegate.query.logql.ast.RegexpParser;
import io.icegate.query.logql.ast.StringLabelFilterExpr;
import io.icegate.query.logql.ast.UnpackParser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Log queries: selectors, line filters, parsers, label filters, formatting stages. */
class LogQLParserTest {
  private static final Matcher FOO_BAR = new Matcher("foo", MatchOp.EQ, "bar");

  private static List<PipelineStage> stages(String query) {
    LogSelector selector = LogQL.parseLogQuery(query);
    return selector.pipeline();
  }

  private static LabelFilterExpr filter(String query) {
    List<PipelineStage> stages = stages(query);
    assertThat(stages).hasSize(1);
    return ((LabelFilterStage) stages.get(0)).filter();
  }

  private static StringLabelFilterExpr str(String name, MatchOp op, String value) {
    return new StringLabelFilterExpr(new Matcher(name, op, value));
  }

  private static NumericLabelFilter num(String name, CompareOp op, double value) {
    return new NumericLabelFilter(name, op, value);
  }

  @Test
  void selectorWithAllMatchOperators() {
    assertThat(LogQL.parse("{ namespace=\"buzz\", foo != \"bar\", a=~\"x.+\", b!~`y\\d` }"))
        .isEqualTo(
            LogSelector.of(
                List.of(
                    new Matcher("namespace", MatchOp.EQ, "buzz"),
                    new Matcher("foo", MatchOp.NEQ, "bar"),
                    new Matcher("a", MatchOp.RE, "x.+"),
                    new Matcher("b", MatchOp.NRE, "y\\d"))));
  }

  @Test
  void stringsTakeGoEscapesAndRawBackticks() {
    LogSelector s =
        LogQL.parseLogQuery("{foo=\"a\\\"b\\n\\t\\\\\\x41\\u00e9\\101\"} |= `raw\\n\"`");
    assertThat(s.matchers().get(0).value()).isEqualTo("a\"b\n\t\\A\u00e9A");
    assertThat(s.pipeline()).containsExactly(LineFilterExpr.of(LineFilterOp.CONTAINS, "raw\\n\""));
  }

  @Test
  void keywordsAreCaseInsensitiveAndFunctionNamesAreLabelsWithoutParenthesis() {
    assertThat(stages("{foo=\"bar\"} | JSON | rate=\"a\" | count > 2 | duration > 1s | ip=\"1\""))
        .containsExactly(
            new JsonParser(List.of()),
            new LabelFilterStage(str("rate", MatchOp.EQ, "a")),
            new LabelFilterStage(num("count", CompareOp.GT, 2)),
            new LabelFilterStage(
                new DurationLabelFilter("duration", CompareOp.GT, Duration.ofSeconds(1))),
            new LabelFilterStage(str("ip", MatchOp.EQ, "1")));
  }

  @Test
  void commentsRunToEndOfLine() {
    assertThat(LogQL.parse("{foo=\"bar\"} # the app\n |= \"x\" # and a filter"))
        .isEqualTo(
            new LogSelector(
                List.of(FOO_BAR), List.of(LineFilterExpr.of(LineFilterOp.CONTAINS, "x"))));
  }

  @Test
  void chainedLineFiltersWithAndWithoutPipes() {
    assertThat(
            stages(
                "{foo=\"bar\"} |= \"baz\" |~ \"blip\" != \"flip\" !~ \"flap\" |> \"<_> x\" !> \"y\""))
        .containsExactly(
            LineFilterExpr.of(LineFilterOp.CONTAINS, "baz"),
            LineFilterExpr.of(LineFilterOp.MATCH, "blip"),
            LineFilterExpr.of(LineFilterOp.NOT_CONTAINS, "flip"),
            LineFilterExpr.of(LineFilterOp.NOT_MATCH, "flap"),
            LineFilterExpr.of(LineFilterOp.PATTERN, "<_> x"),
            LineFilterExpr.of(LineFilterOp.NOT_PATTERN, "y"));
  }

  @Test
  void lineFilterAlternativesWithOrAndIp() {
    assertThat(stages("{foo=\"bar\"} |= \"a\" or \"b\" or ip(\"10.0.0.0/8\") != ip(\"1.2.3.4\")"))
        .containsExactly(
            new LineFilterExpr(
                LineFilterOp.CONTAINS,
                List.of(
                    LineFilterValue.of("a"),
                    LineFilterValue.of("b"),
                    LineFilterValue.ip("10.0.0.0/8"))),
            new LineFilterExpr(LineFilterOp.NOT_CONTAINS, List.of(LineFilterValue.ip("1.2.3.4"))));
  }

  @Test
  void parsersWithParametersAndFlags() {
    assertThat(
            stages(
                "{foo=\"bar\"} | json first_server=\"servers[0]\", ua=`request.headers[\"User-Agent\"]`, method"
                    + " | logfmt --strict --keep-empty a=\"b\" | logfmt | regexp \"(?P<ip>\\\\S+) (?P<status_code>\\\\d+)\""
                    + " | pattern \"<ip> - <_> <status>\" | unpack"))
        .containsExactly(
            new JsonParser(
                List.of(
                    new LabelExtraction("first_server", "servers[0]"),
                    new LabelExtraction("ua", "request.headers[\"User-Agent\"]"),
                    new LabelExtraction("method", "method"))),
            new LogfmtParser(true, true, List.of(new LabelExtraction("a", "b"))),
            new LogfmtParser(false, false, List.of()),
            new RegexpParser("(?P<ip>\\S+) (?P<status_code>\\d+)"),
            new PatternParser("<ip> - <_> <status>"),
            new UnpackParser());
  }

  @Test
  void labelFiltersOfEveryValueType() {
    assertThat(
            stages(
                "{foo=\"bar\"} | a=\"x\" | b!=`y` | c=~\"z.*\" | d!~\"w\" | e=ip(\"1.2.3.0/24\") | f!=ip(\"::1\")"
                    + " | g > 1.5 | h >= -2 | i < +3 | j <= 1e3 | k == 4 | l = 5 | m != 6"
                    + " | n > 1h30m | o <= 500ms | p == 1.5s | q > 20KB | r < 1MiB | s = 1k"))
        .containsExactly(
            new LabelFilterStage(str("a", MatchOp.EQ, "x")),
            new LabelFilterStage(str("b", MatchOp.NEQ, "y")),
            new LabelFilterStage(str("c", MatchOp.RE, "z.*")),
            new LabelFilterStage(str("d", MatchOp.NRE, "w")),
            new LabelFilterStage(new IpLabelFilter("e", false, "1.2.3.0/24")),
            new LabelFilterStage(new IpLabelFilter("f", true, "::1")),
            new LabelFilterStage(num("g", CompareOp.GT, 1.5)),
            new LabelFilterStage(num("h", CompareOp.GTE, -2)),
            new LabelFilterStage(num("i", CompareOp.LT, 3)),
            new LabelFilterStage(num("j", CompareOp.LTE, 1000)),
            new LabelFilterStage(num("k", CompareOp.EQ, 4)),
            new LabelFilterStage(num("l", CompareOp.EQ, 5)),
            new LabelFilterStage(num("m", CompareOp.NEQ, 6)),
            new LabelFilterStage(
                new DurationLabelFilter("n", CompareOp.GT, Duration.ofMinutes(90))),
            new LabelFilterStage(
                new DurationLabelFilter("o", CompareOp.LTE, Duration.ofMillis(500))),
            new LabelFilterStage(
                new DurationLabelFilter("p", CompareOp.EQ, Duration.ofMillis(1500))),
            new LabelFilterStage(new BytesLabelFilter("q", CompareOp.GT, 20_000)),
            new LabelFilterStage(new BytesLabelFilter("r", CompareOp.LT, 1024 * 1024)),
            new LabelFilterStage(new BytesLabelFilter("s", CompareOp.EQ, 1000)));
  }

  @Test
  void andBindsTighterThanOrAsInLokisGrammar() {
    // Loki's yacc grammar gives `and` the higher precedence (grafana/loki#23902 corrected the
    // docs, which claimed left to right).
    assertThat(filter("{foo=\"bar\"} | a=\"1\" or b=\"2\" and c=\"3\""))
        .isEqualTo(
            new OrLabelFilter(
                str("a", MatchOp.EQ, "1"),
                new AndLabelFilter(str("b", MatchOp.EQ, "2"), str("c", MatchOp.EQ, "3"))));
    assertThat(filter("{foo=\"bar\"} | a=\"1\" and b=\"2\" or c=\"3\""))
        .isEqualTo(
            new OrLabelFilter(
                new AndLabelFilter(str("a", MatchOp.EQ, "1"), str("b", MatchOp.EQ, "2")),
                str("c", MatchOp.EQ, "3")));
    assertThat(filter("{foo=\"bar\"} | a=\"1\" or b=\"2\" or c=\"3\""))
        .isEqualTo(
            new OrLabelFilter(
                new OrLabelFilter(str("a", MatchOp.EQ, "1"), str("b", MatchOp.EQ, "2")),
                str("c", MatchOp.EQ, "3")));
  }

  @Test
  void commaAndJuxtapositionAreAndWithTheRestOfTheFilter() {
    // yacc shifts on `,` and juxtaposition (no precedence), so the right side is the whole rest.
    LabelFilterExpr expected =
        new OrLabelFilter(
            str("a", MatchOp.EQ, "1"),
            new AndLabelFilter(str("b", MatchOp.EQ, "2"), str("c", MatchOp.EQ, "3")));
    assertThat(filter("{foo=\"bar\"} | a=\"1\" or b=\"2\", c=\"3\"")).isEqualTo(expected);
    assertThat(filter("{foo=\"bar\"} | a=\"1\" or b=\"2\" c=\"3\"")).isEqualTo(expected);
    assertThat(filter("{foo=\"bar\"} | a=\"1\", b=\"2\" or c=\"3\""))
        .isEqualTo(
            new AndLabelFilter(
                str("a", MatchOp.EQ, "1"),
                new OrLabelFilter(str("b", MatchOp.EQ, "2"), str("c", MatchOp.EQ, "3"))));
  }

  @Test
  void parenthesesOverridePrecedence() {
    assertThat(
            filter(
                "{app=\"foo\"} | latency >= 250ms or ( status_code < 500 and status_code > 200)"))
        .isEqualTo(
            new OrLabelFilter(
                new DurationLabelFilter("latency", CompareOp.GTE, Duration.ofMillis(250)),
                new AndLabelFilter(
                    num("status_code", CompareOp.LT, 500), num("status_code", CompareOp.GT, 200))));
    assertThat(filter("{foo=\"bar\"} | ((a=\"1\" or b=\"2\") and c=\"3\")"))
        .isEqualTo(
            new AndLabelFilter(
                new OrLabelFilter(str("a", MatchOp.EQ, "1"), str("b", MatchOp.EQ, "2")),
                str("c", MatchOp.EQ, "3")));
  }

  @Test
  void formattingAndLabelStages() {
    assertThat(
            stages(
                "{foo=\"bar\"} | line_format \"{{.status_code}}\" | label_format a=b, c=\"{{.d | upper}}\""
                    + " | drop level, method=\"GET\", x=~\"y.*\" | keep a, b!=\"v\" | decolorize"))
        .containsExactly(
            new LineFormat("{{.status_code}}"),
            new LabelFormatExpr(
                List.of(
                    LabelFormatOp.rename("a", "b"), LabelFormatOp.template("c", "{{.d | upper}}"))),
            new DropLabels(
                List.of(
                    LabelTerm.name("level"),
                    LabelTerm.matching(new Matcher("method", MatchOp.EQ, "GET")),
                    LabelTerm.matching(new Matcher("x", MatchOp.RE, "y.*")))),
            new KeepLabels(
                List.of(
                    LabelTerm.name("a"), LabelTerm.matching(new Matcher("b", MatchOp.NEQ, "v")))),
            new Decolorize());
  }

  @Test
  void parenthesizedLogQuery() {
    assertThat(LogQL.parse("({foo=\"bar\"} |= \"x\")"))
        .isEqualTo(
            new LogSelector(
                List.of(FOO_BAR), List.of(LineFilterExpr.of(LineFilterOp.CONTAINS, "x"))));
  }

  @Test
  void selectorNeedsOneMatcherThatRejectsTheEmptyValue() {
    assertThat(LogQL.parse("{app=\"\", pod=\"a\"}")).isInstanceOf(LogSelector.class);
    assertThat(LogQL.parse("{app=~\".+\"}")).isInstanceOf(LogSelector.class);
    assertThat(LogQL.parse("{app=~\"\", pod!=\"\"}")).isInstanceOf(LogSelector.class);
  }
}
