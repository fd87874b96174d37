package io.icegate.query.logql.parse;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Invalid queries fail with Loki's wording and the position of the offending token. Expected
 * messages come from Loki's {@code pkg/logql/syntax/parser_test.go} and from error strings Loki
 * 3.7.1 returned (recorded in the Loki-VL-proxy project's tests); where the position differs from
 * Loki's (Loki reports some lexer errors at line 0) ours is the token's, see docs/loki.md.
 */
class LogQLParseErrorTest {
  private static void fails(String query, String message) {
    assertThatThrownBy(() -> LogQL.parse(query))
        .isInstanceOf(LogQLParseException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '\'',
      textBlock =
          """
          unk({ foo = "bar" }[5m]) => parse error at line 1, col 1: syntax error: unexpected IDENTIFIER
          bottomk(he,count_over_time({ foo = "bar" }[5h])) => parse error at line 1, col 9: syntax error: unexpected IDENTIFIER
          stddev({ foo = "bar" }) => parse error at line 1, col 23: syntax error: unexpected )
          min({ foo = "bar" }[5m]) => parse error at line 1, col 20: syntax error: unexpected RANGE
          label_replace(rate({ foo = "bar" }[5m]),"") => parse error at line 1, col 43: syntax error: unexpected ), expecting ,
          { foo = "bar" }|logfmt|addr>=ip("1.2.3.4") => parse error at line 1, col 30: syntax error: unexpected ip
          { foo = "bar" }|logfmt|addr<ip("1.2.3.4") => parse error at line 1, col 29: syntax error: unexpected ip
          max_over_time(sum(rate({app="a"}[1m]))[30m:5m]) => parse error at line 1, col 15: syntax error: unexpected SUM, expecting NUMBER or { or (
          rate(count_over_time({app="a"}[5m])[30m:5m]) => parse error at line 1, col 6: syntax error: unexpected COUNT_OVER_TIME, expecting NUMBER or { or (
          quantile_over_time(0.5, rate({app="a"}[1m])[30m:5m]) => parse error at line 1, col 25: syntax error: unexpected RATE, expecting { or (
          max_over_time((rate({app="a"}[1m]))[30m:5m]) => parse error at line 1, col 16: syntax error: unexpected RATE, expecting { or (
          sum_over_time(vector(1)[5m:1m]) => parse error at line 1, col 15: syntax error: unexpected VECTOR, expecting NUMBER or { or (
          max_over_time(label_replace(rate({app="a"}[1m]),"a","b","c","d")[30m:5m]) => parse error at line 1, col 15: syntax error: unexpected label_replace, expecting NUMBER or { or (
          {app="a"} | label_format x="a", => parse error at line 1, col 32: syntax error: unexpected $end, expecting IDENTIFIER
          {app="a"} | label_format x => parse error at line 1, col 27: syntax error: unexpected $end, expecting =
          {app="a"} | json foo= => parse error at line 1, col 22: syntax error: unexpected $end, expecting STRING
          {app="a"} | json foo=bar => parse error at line 1, col 22: syntax error: unexpected IDENTIFIER, expecting STRING
          count_over_time({app="a"}[30m:5m]) => parse error at line 1, col 26: unknown unit "m:" in duration "30m:5m"
          rate({ foo = "bar" }[5minutes]) => parse error at line 1, col 21: unknown unit "minutes" in duration "5minutes"
          rate({ foo = "bar" }[5) => parse error at line 1, col 21: missing closing ']' in duration
          {a=b} => parse error at line 1, col 4: syntax error: unexpected IDENTIFIER, expecting STRING
          {a="b",} => parse error at line 1, col 8: syntax error: unexpected }, expecting IDENTIFIER
          {a="b" => parse error at line 1, col 7: syntax error: unexpected $end, expecting , or }
          {a>"b"} => parse error at line 1, col 3: syntax error: unexpected >, expecting = or != or =~ or !~
          {json="b"} => parse error at line 1, col 2: syntax error: unexpected json, expecting IDENTIFIER
          {a="b"} |= => parse error at line 1, col 11: syntax error: unexpected $end, expecting STRING or ip
          {a="b"} | unwrap x => parse error at line 1, col 11: syntax error: unexpected unwrap
          sum_over_time({a="b"} | unwrap x | json [5m]) => parse error at line 1, col 36: syntax error: unexpected json
          {a="b"} | drop => parse error at line 1, col 15: syntax error: unexpected $end, expecting IDENTIFIER
          {a="b"} | foo => parse error at line 1, col 14: syntax error: unexpected $end
          {a="b"} | 5 => parse error at line 1, col 11: syntax error: unexpected NUMBER
          {a="b"} | x > "y" => parse error at line 1, col 15: syntax error: unexpected STRING
          {a="b"} | x =~ 5 => parse error at line 1, col 16: syntax error: unexpected NUMBER, expecting STRING
          sum(rate({a="b"}[5m])) by (a) by (b) => parse error at line 1, col 31: syntax error: unexpected by
          sum by (a) (rate({a="b"}[5m])) by (b) => parse error at line 1, col 32: syntax error: unexpected by
          rate({a="b"}[5m]) + - rate({a="b"}[5m]) => parse error at line 1, col 23: syntax error: unexpected RATE, expecting NUMBER
          vector(x) => parse error at line 1, col 8: syntax error: unexpected IDENTIFIER, expecting NUMBER
          {a="b"} @ x => parse error at line 1, col 9: syntax error: unexpected character '@'
          '{a="b} ' => parse error at line 1, col 4: literal not terminated
          '{a="\\q"}' => parse error at line 1, col 5: invalid char escape
          '{a="b"}\\n  |= "x" |= ' => parse error at line 2, col 13: syntax error: unexpected $end, expecting STRING or ip
          '{a="b"} |= `x' => parse error at line 1, col 12: literal not terminated
          ((rate({a="b"}[5m])) => parse error at line 1, col 21: syntax error: unexpected $end, expecting )
          """)
  void syntaxErrorsCarryTheTokenPosition(String query, String message) {
    fails(query.replace("\\n", "\n").replace("\\\\", "\\"), message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '\'',
      textBlock =
          """
          absent_over_time({ foo = "bar" }[5h]) by (foo) => grouping not allowed for absent_over_time aggregation
          count_over_time({ foo = "bar" }[5h]) by (foo) => grouping not allowed for count_over_time aggregation
          sum_over_time({ foo = "bar" } | unwrap x [5h]) by (foo) => grouping not allowed for sum_over_time aggregation
          sum(3 ,count_over_time({ foo = "bar" }[5h])) => unsupported parameter for operation sum(3,
          topk(count_over_time({ foo = "bar" }[5h])) => parameter required for operation topk
          bottomk(1.2,count_over_time({ foo = "bar" }[5h])) => invalid parameter bottomk(1.2,
          topk(0, count_over_time({app="a"}[5m])) => invalid parameter (must be greater than 0) topk(0
          topk by (pod) (00, count_over_time({app="a"}[5m])) => invalid parameter (must be greater than 0) topk(00
          sum_over_time({a="b"}[5m]) => invalid aggregation sum_over_time without unwrap
          rate_counter({a="b"}[5m]) => invalid aggregation rate_counter without unwrap
          count_over_time({a="b"} | unwrap x [5m]) => invalid aggregation count_over_time with unwrap
          bytes_rate({a="b"} | unwrap x [5m]) => invalid aggregation bytes_rate with unwrap
          quantile_over_time({a="b"} | unwrap x [5m]) => parameter required for operation quantile_over_time
          rate(0.5, {a="b"}[5m]) => parameter 0.5 not supported for operation rate
          sort by (x) (rate({a="b"}[5m])) => 'sort and sort_desc doesn''t allow grouping by '
          {foo="bar"} + {foo="bar"} => unexpected type for left leg of binary operation (+): *syntax.MatchersExpr
          sum(count_over_time({foo="bar"}[5m])) by (foo) - {foo="bar"} |= "x" => unexpected type for right leg of binary operation (-): *syntax.PipelineExpr
          sum(count_over_time({foo="bar"}[5m])) by (foo) or 1 => unexpected literal for right leg of logical/set binary operation (or): 1.000000
          1 unless sum(count_over_time({foo="bar"}[5m])) by (foo) => unexpected literal for left leg of logical/set binary operation (unless): 1.000000
          rate({a="b"}[5m]) + bool rate({a="b"}[5m]) => bool modifier can only be used on comparison operators
          rate({a="b"}[5m]) and on (x) group_left rate({a="b"}[5m]) => no grouping allowed for "and" operation
          label_replace(rate({a="b"}[5m]), "1x", "", "a", "") => invalid destination label name in label_replace(): 1x
          {app=""} => queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~".*" does not meet this requirement, but app=~".+" will
          {app=~".*"} => queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~".*" does not meet this requirement, but app=~".+" will
          {app!="x"} => queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~".*" does not meet this requirement, but app=~".+" will
          {app!~".+"} => queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~".*" does not meet this requirement, but app=~".+" will
          {app=~"a|"} => queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~".*" does not meet this requirement, but app=~".+" will
          {app=~"(?i)"} => queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~".*" does not meet this requirement, but app=~".+" will
          {} => queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~".*" does not meet this requirement, but app=~".+" will
          count_over_time({app="a"}[5m]) / count_over_time({app=""}[5m]) => queries require at least one regexp or equality matcher that does not have an empty-compatible value. For instance, app=~".*" does not meet this requirement, but app=~".+" will
          {app="a"} | label_format x="a", x="b" => stage '| label_format x="a", x="b"' : multiple label name 'x' not allowed in a single format operation
          {app="a"} | label_format __error__="a" => stage '| label_format __error__="a"' : __error__ cannot be formatted
          {app="a"} | regexp "abc" => invalid regexp parser: at least one named capture must be supplied
          {app="a"} | regexp "(x)" => invalid regexp parser: at least one named capture must be supplied
          {app="a"} | regexp "(?P<a>x)(?P<a>y)" => invalid regexp parser: error parsing regexp: duplicate capture group name: `a`
          {app="a"} | pattern "<_><_>" => invalid pattern parser: at least one capture is required
          {app="a"} | pattern "abc" => invalid pattern parser: at least one capture is required
          {app="a"} | pattern "<a> <a>" => invalid pattern parser: duplicate capture name (a): invalid expression
          {app="a"} | pattern "<a><b>" => invalid pattern parser: found consecutive capture '<a><b>': invalid expression
          {app="a"} | pattern "" => invalid pattern parser: parse error at line 1, col 1: syntax error: unexpected $end, expecting IDENTIFIER or LITERAL
          1e999 => unable to parse literal as a float: strconv.ParseFloat: parsing "1e999": value out of range
          '   # only a comment' => syntax error: unexpected $end
          """)
  void semanticErrorsHaveNoPosition(String query, String message) {
    fails(query, "parse error : " + message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '\'',
      textBlock =
          """
          {a="b"} |~ "(" => parse error at line 1, col 12: error parsing regexp:
          {a=~"[z-a]"} => parse error at line 1, col 5: error parsing regexp:
          {a="b"} | drop c=~"((" => parse error at line 1, col 19: error parsing regexp:
          label_replace(rate({a="b"}[5m]), "d", "", "a", "a\\\\q") => parse error : invalid regex in label_replace: error parsing regexp:
          {app="a"} | regexp "([" => parse error : invalid regexp parser: error parsing regexp:
          """)
  void invalidRegexesAreParseErrors(String query, String messagePrefix) {
    assertThatThrownBy(() -> LogQL.parse(query))
        .isInstanceOf(LogQLParseException.class)
        .hasMessageStartingWith(messagePrefix);
  }
}
