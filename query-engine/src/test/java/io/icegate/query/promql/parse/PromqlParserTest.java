package io.icegate.query.promql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.query.promql.ast.Expr;
import io.icegate.query.promql.ast.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromqlParserTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "foo(bar)|1:1: parse error: unknown function with name \"foo\"",
        "rate(up)|1:6: parse error: expected type range vector in call to function \"rate\", got instant vector",
        "sum(rate(x[5m]) [5m])|1:5: parse error: ranges only allowed for vector selectors",
        "{}|1:1: parse error: vector selector must contain at least one non-empty matcher",
        "{a=\"\"}|1:1: parse error: vector selector must contain at least one non-empty matcher",
        "1 > 2|1:3: parse error: comparisons between scalars must use BOOL modifier",
        "up + on(a) 1|1:1: parse error: vector matching only allowed between instant vectors",
        "1 and up|1:1: parse error: set operator \"and\" not allowed in binary scalar expression",
        "up + bool up|1:4: parse error: bool modifier can only be used on comparison operators",
        "x[5m] + 1|1:1: parse error: binary expression must contain only scalar and instant vector types",
        "-x[5m]|1:1: parse error: unary expression only allowed on expressions of type scalar or instant vector, got \"range vector\"",
        "round(up, 1, 2)|1:1: parse error: expected at most 2 argument(s) in call to \"round\", got 3",
        "label_join(up)|1:1: parse error: expected at least 3 argument(s) in call to \"label_join\", got 1",
        "time(1)|1:1: parse error: expected 0 argument(s) in call to \"time\", got 1",
        "topk(up)|1:1: parse error: wrong number of arguments for aggregate expression provided, expected 2, got 1",
        "sum(up) offset 5m|1:9: parse error: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery",
        "up offset 1m offset 2m|1:14: parse error: offset may not be set multiple times",
        "up @ 1 @ 2|1:8: parse error: @ <timestamp> may not be set multiple times",
        "up[5m][1m:]|1:1: parse error: subquery is only allowed on instant vector, got range vector instead",
        "up{a=~\"(\"}|1:7: parse error: error parsing regexp: missing closing ): `(`",
        "\"unterminated|1:1: parse error: unterminated quoted string",
        "up ! 1|1:4: parse error: unexpected character after '!': ' '",
        "(up|1:4: parse error: unexpected end of input in paren expression, expected \")\"",
        "up{a=\"b\"|1:9: parse error: unexpected end of input in label matching, expected \",\" or \"}\""
      })
  void badQueriesFailWithPrometheusWordingAndPosition(String query, String message) {
    assertThatThrownBy(() -> PromqlParser.parse(query))
        .isInstanceOf(PromqlParseException.class)
        .hasMessage(message);
  }

  @Test
  void positionsCountLinesAndColumns() {
    assertThatThrownBy(() -> PromqlParser.parse("sum(\n  rate(up)\n)"))
        .isInstanceOf(PromqlParseException.class)
        .hasMessageStartingWith("2:8: parse error: expected type range vector");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sum by (job) (rate(http_requests_total{job=~\"api|web\"}[5m] offset 1m @ start()))",
        "histogram_quantile(0.9, sum by (le) (rate(x_bucket[5m])))",
        "a / on(instance) group_left(job) b",
        "max_over_time(deriv(rate(x[1m])[5m:1m])[10m:])",
        "label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\")",
        "{\"metric.name\", \"a.b\"=\"c\"} > bool 0.5e3",
        "count_values(\"v\", up) or vector(1) unless on() absent(up)",
        "-2 ^ -3 * 0x1F % Inf",
        "quantile_over_time(0.5, up[1h] @ 100 offset -5m)",
        "sort_by_label(limitk(2, up), \"a\")",
      })
  void truncatedOrGarbledQueriesNeverThrowAnythingButParseErrors(String query) {
    assertThat(PromqlParser.parse(query)).isNotNull();
    for (int i = 0; i < query.length(); i++) {
      for (String variant : List.of(query.substring(0, i), query.substring(i), mutate(query, i))) {
        try {
          PromqlParser.parse(variant);
        } catch (PromqlParseException e) {
          assertThat(e.getMessage()).matches("\\d+:\\d+: parse error: .+");
        }
      }
    }
  }

  private static String mutate(String s, int i) {
    char[] c = s.toCharArray();
    c[i] = "()[]{}\"',@:=~!".charAt(i % 14);
    return new String(c);
  }

  @Test
  void typesFollowPrometheus() {
    assertThat(PromqlParser.parse("1 + 2").type()).isEqualTo(ValueType.SCALAR);
    assertThat(PromqlParser.parse("up[5m]").type()).isEqualTo(ValueType.MATRIX);
    assertThat(PromqlParser.parse("rate(up[5m]) * 2").type()).isEqualTo(ValueType.VECTOR);
    assertThat(PromqlParser.parse("-1")).isInstanceOf(Expr.NumberLiteral.class);
  }

  @Test
  void precedenceMatchesPrometheus() {
    Expr e = PromqlParser.parse("a + b * c ^ d ^ e or f and g");
    assertThat(e).isInstanceOf(Expr.Binary.class);
    assertThat(((Expr.Binary) e).op()).isEqualTo("or");
    Expr.Binary pow =
        (Expr.Binary) ((Expr.Binary) ((Expr.Binary) ((Expr.Binary) e).lhs()).rhs()).rhs();
    assertThat(pow.op()).isEqualTo("^");
    assertThat(pow.rhs()).isInstanceOf(Expr.Binary.class);
  }
}
