package io.icegate.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuleCodecTest {
  /** A group as Grafana writes it (Go yaml.v3: 4-space indent, multi-line expr as |-). */
  static final String GRAFANA_GROUP =
      """
      name: errors
      interval: 1m
      rules:
          - alert: HighErrorRate
            expr: |-
              sum by (service_name) (
                rate({service_name="api"} |= "error" [5m])
              ) > 10
            for: 5m
            keep_firing_for: 10m
            labels:
                severity: page
            annotations:
                summary: Too many errors
          - record: service:errors:rate5m
            expr: sum(rate({service_name="api"} |= "error" [5m]))
      limit: 10
      """;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readsGrafanasYamlAndWritesOnlyKnownKeysInGrafanasOrder() {
    RuleGroup group = RuleCodec.parseGroup(bytes(GRAFANA_GROUP), RuleCodec.Syntax.YAML);

    assertThat(group.name()).isEqualTo("errors");
    assertThat(group.limit()).isEqualTo(10);
    assertThat(group.rules()).hasSize(2);
    Rule alert = group.rules().get(0);
    assertThat(alert.alerting()).isTrue();
    assertThat(alert.forDuration()).isEqualTo("5m");
    assertThat(alert.keepFiringFor()).isEqualTo("10m");
    assertThat(alert.expr()).startsWith("sum by (service_name) (\n").endsWith(") > 10");

    String written = new String(RuleCodec.yaml(group), StandardCharsets.UTF_8);
    assertThat(written)
        .startsWith("name: errors\ninterval: 1m\nrules:\n")
        .contains("expr: |-\n")
        .contains("for: 5m")
        .contains("keep_firing_for: 10m")
        .endsWith("limit: 10\n")
        .doesNotContain("alerting", "forDuration", "keepFiringFor", "null", "---");
    assertThat(RuleCodec.parseGroup(bytes(written), RuleCodec.Syntax.YAML)).isEqualTo(group);
  }

  @Test
  void unsetFieldsAreNotWritten() {
    RuleGroup group =
        RuleCodec.parseGroup(
            bytes("name: g\nrules:\n- record: r\n  expr: x\n"), RuleCodec.Syntax.YAML);

    assertThat(new String(RuleCodec.yaml(group), StandardCharsets.UTF_8))
        .isEqualTo("name: g\nrules:\n  - record: r\n    expr: x\n");
  }

  @Test
  void unknownKeysAreRefusedWithTheirPosition() {
    assertThatThrownBy(
            () ->
                RuleCodec.parseGroup(
                    bytes("name: g\nlabels:\n  team: a\nrules: []\n"), RuleCodec.Syntax.YAML))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageStartingWith(
            "Cannot parse rule group: field 'labels' not found in a rule group (at labels; known"
                + " fields: align_evaluation_time_on_interval, evaluation_delay, interval, limit,"
                + " name, query_offset, rules, source_tenants)");
    assertThatThrownBy(
            () ->
                RuleCodec.parseGroup(
                    bytes("name: g\nrules:\n- alert: a\n  expr: x\n  severity: page\n"),
                    RuleCodec.Syntax.YAML))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("field 'severity' not found in a rule (at rules[0].severity;");
  }

  @Test
  void malformedYamlIsRefusedWithItsPosition() {
    assertThatThrownBy(
            () ->
                RuleCodec.parseGroup(
                    bytes("name: g\n  bad: indentation: here\n"), RuleCodec.Syntax.YAML))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageStartingWith("Cannot parse rule group: malformed YAML")
        .satisfies(e -> assertThat(((InvalidRuleException) e).position()).isPresent());
  }

  @Test
  void repeatedKeysEmptyBodiesAndSecondDocumentsAreRefused() {
    assertThatThrownBy(
            () -> RuleCodec.parseGroup(bytes("name: a\nname: b\n"), RuleCodec.Syntax.YAML))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("Duplicate field 'name'");
    assertThatThrownBy(() -> RuleCodec.parseGroup(bytes("  \n"), RuleCodec.Syntax.YAML))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessage("Cannot parse rule group: the body is empty");
    assertThatThrownBy(
            () -> RuleCodec.parseGroup(bytes("name: a\n---\nname: b\n"), RuleCodec.Syntax.YAML))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("Trailing token");
  }

  @Test
  void readsJson() {
    RuleFile file =
        RuleCodec.parseFile(
            bytes("{\"groups\":[{\"name\":\"g\",\"rules\":[{\"alert\":\"a\",\"expr\":\"up\"}]}]}"),
            RuleCodec.Syntax.JSON);

    assertThat(file.groups()).singleElement().extracting(RuleGroup::name).isEqualTo("g");
  }

  @Test
  void aliasBombsAndDeepNestingAreRefused() {
    StringBuilder bomb =
        new StringBuilder("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for (int i = 1; i <= 8; i++) {
      bomb.append((char) ('a' + i))
          .append(": &")
          .append((char) ('a' + i))
          .append(" [")
          .append(String.join(",", java.util.Collections.nCopies(8, "*" + (char) ('a' + i - 1))))
          .append("]\n");
    }
    assertThatThrownBy(() -> RuleCodec.parseGroup(bytes(bomb.toString()), RuleCodec.Syntax.YAML))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageStartingWith("Cannot parse rule group: ");

    String deep = "name: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    assertThatThrownBy(() -> RuleCodec.parseGroup(bytes(deep), RuleCodec.Syntax.YAML))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageStartingWith("Cannot parse rule group: ");
    String deepJson = "{\"name\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertThatThrownBy(() -> RuleCodec.parseGroup(bytes(deepJson), RuleCodec.Syntax.JSON))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageStartingWith("Cannot parse rule group: ");
  }
}
