package io.icegate.rules.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.rules.RulesConfiguration;
import io.icegate.rules.model.InvalidRuleException;
import io.icegate.rules.model.RuleCodec;
import io.icegate.rules.model.RuleFile;
import io.icegate.rules.model.RuleGroup;
import io.icegate.rules.model.RuleLanguage;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {
  private final RuleValidator validator =
      new RuleValidator(RulesConfiguration.defaults(), RuleValidator.standard());

  private static RuleGroup group(String yaml) {
    return RuleCodec.parseGroup(yaml.getBytes(StandardCharsets.UTF_8), RuleCodec.Syntax.YAML);
  }

  private static RuleGroup alert(String expr) {
    return group("name: g\nrules:\n- alert: A\n  expr: '" + expr.replace("'", "''") + "'\n");
  }

  @Test
  void acceptsValidRulesInEachLanguage() {
    assertThatNoException()
        .isThrownBy(
            () ->
                validator.validate(
                    RuleLanguage.LOGQL,
                    alert("sum(count_over_time({app=\"api\"} |= \"error\" [5m])) > 3")));
    assertThatNoException()
        .isThrownBy(
            () -> validator.validate(RuleLanguage.PROMQL, alert("rate(up{job=\"a\"}[5m]) > 0")));
    assertThatNoException()
        .isThrownBy(
            () ->
                validator.validate(
                    RuleLanguage.SQL,
                    alert("SELECT count(*) AS \"value\" FROM logs WHERE severity_text = 'ERROR'")));
  }

  @Test
  void invalidLogQlNamesTheRuleAndThePosition() {
    assertThatThrownBy(
            () -> validator.validate(RuleLanguage.LOGQL, alert("sum(rate({app=\"api\"}[5m]) > ")))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageStartingWith(
            "Cannot accept rule group 'g': rule 1 (alert A): invalid logql expression at line 1,"
                + " column ")
        .hasMessageContaining("parse error at line 1, col ")
        .satisfies(e -> assertThat(((InvalidRuleException) e).position()).isPresent());
  }

  @Test
  void logQlRulesMustBeMetricQueries() {
    assertThatThrownBy(
            () -> validator.validate(RuleLanguage.LOGQL, alert("{app=\"api\"} |= \"x\"")))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("invalid logql expression: only sample expression supported");
  }

  @Test
  void invalidSqlNamesThePosition() {
    assertThatThrownBy(
            () -> validator.validate(RuleLanguage.SQL, alert("SELECT count(*) FROM logs WHERE")))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("invalid sql expression at line 1, column ")
        .satisfies(e -> assertThat(((InvalidRuleException) e).position()).isPresent());
    assertThatThrownBy(
            () -> validator.validate(RuleLanguage.SQL, alert("INSERT INTO logs VALUES (1)")))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("must be a query");
  }

  @Test
  void invalidPromQlNamesThePosition() {
    assertThatThrownBy(() -> validator.validate(RuleLanguage.PROMQL, alert("sum(rate(up[5m])")))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining(
            "invalid promql expression at line 1, column 17: 1:17: parse error: unexpected end of"
                + " input in aggregation, expected \")\"");
    assertThatThrownBy(() -> validator.validate(RuleLanguage.PROMQL, alert("rate(up) > 1")))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining(
            "expected type range vector in call to function \"rate\", got instant vector");
    assertThatThrownBy(() -> validator.validate(RuleLanguage.PROMQL, alert("up{job=\"a}")))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("unterminated quoted string");
  }

  @Test
  void refusesWhatPrometheusRefuses() {
    assertThatThrownBy(
            () ->
                validator.validate(
                    RuleLanguage.PROMQL,
                    group("name: g\nrules:\n- record: r\n  alert: a\n  expr: up\n")))
        .hasMessage(
            "Cannot accept rule group 'g': rule 1: only one of 'record' and 'alert' must be set");
    assertThatThrownBy(
            () -> validator.validate(RuleLanguage.PROMQL, group("name: g\nrules:\n- expr: up\n")))
        .hasMessage("Cannot accept rule group 'g': rule 1: one of 'record' or 'alert' must be set");
    assertThatThrownBy(
            () ->
                validator.validate(
                    RuleLanguage.PROMQL,
                    group("name: g\nrules:\n- record: r\n  expr: up\n  for: 5m\n")))
        .hasMessage(
            "Cannot accept rule group 'g': rule 1 (record r): invalid field 'for' in recording rule");
    assertThatThrownBy(
            () ->
                validator.validate(
                    RuleLanguage.PROMQL, group("name: g\nrules:\n- record: 'a-b'\n  expr: up\n")))
        .hasMessage(
            "Cannot accept rule group 'g': rule 1 (record a-b): invalid recording rule name: a-b");
    assertThatThrownBy(
            () ->
                validator.validate(
                    RuleLanguage.PROMQL,
                    group("name: g\nrules:\n- alert: a\n  expr: up\n  for: 5 minutes\n")))
        .hasMessageContaining("invalid duration in 'for': \"5 minutes\"");
    assertThatThrownBy(
            () ->
                validator.validate(
                    RuleLanguage.PROMQL,
                    group("name: g\nrules:\n- alert: a\n  expr: up\n  labels:\n    'a b': x\n")))
        .hasMessageContaining("invalid label name: a b");
    assertThatThrownBy(() -> validator.validate(RuleLanguage.PROMQL, group("rules: []\n")))
        .hasMessage("Cannot accept rules: a rule group has no name");
  }

  @Test
  void repeatedGroupNamesInOneFileAreRefused() {
    RuleFile file =
        RuleCodec.parseFile(
            "groups:\n- name: g\n  rules: []\n- name: g\n  rules: []\n"
                .getBytes(StandardCharsets.UTF_8),
            RuleCodec.Syntax.YAML);

    assertThatThrownBy(() -> validator.validate(RuleLanguage.PROMQL, file))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessage("Cannot accept rules: groupname: \"g\" is repeated in the same namespace");
  }

  @Test
  void enforcesTheRulesPerGroupLimit() {
    RuleValidator small =
        new RuleValidator(new RulesConfiguration(null, 1, null), RuleValidator.standard());

    assertThatThrownBy(
            () ->
                small.validate(
                    RuleLanguage.PROMQL,
                    group("name: g\nrules:\n- alert: a\n  expr: up\n- alert: b\n  expr: up\n")))
        .hasMessage(
            "Cannot accept rule group 'g': 2 rules exceed the limit of 1 per group"
                + " (icegate.rules.max-rules-per-group)");
  }

  @Test
  void unknownLanguagesAreNamed() {
    assertThatThrownBy(() -> RuleLanguage.of("graphql"))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessage(
            "Cannot accept rules: unknown expression language 'graphql' (expected one of logql,"
                + " promql, sql)");
  }
}
