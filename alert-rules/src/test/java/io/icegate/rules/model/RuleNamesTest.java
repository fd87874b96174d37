package io.icegate.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuleNamesTest {
  @Test
  void decodesPathSegmentsAsGoDoes() {
    assertThat(RuleNames.fromPathSegment("namespace", "team%20a+b")).isEqualTo("team a+b");
    assertThat(RuleNames.fromPathSegment("namespace", "%C3%BCber")).isEqualTo("über");
  }

  @Test
  void refusesMalformedEscapesAndBytesThatAreNotUtf8() {
    assertThatThrownBy(() -> RuleNames.fromPathSegment("group", "%ZZ"))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessage("Cannot accept rules: malformed percent-escape in group '%ZZ'");
    assertThatThrownBy(() -> RuleNames.fromPathSegment("group", "a%2"))
        .hasMessage("Cannot accept rules: malformed percent-escape in group 'a%2'");
    assertThatThrownBy(() -> RuleNames.fromPathSegment("group", "%C3%28"))
        .hasMessage("Cannot accept rules: group '%C3%28' is not UTF-8");
  }

  @Test
  void refusesNamesThatCouldConfuseAPathOrATerminal() {
    assertThatThrownBy(() -> RuleNames.check("namespace", ".."))
        .hasMessage("Cannot accept rules: invalid namespace name '..': is '..'");
    assertThatThrownBy(() -> RuleNames.check("namespace", "a\u001b[31m"))
        .hasMessage(
            "Cannot accept rules: invalid namespace name 'a\\u001b[31m': contains a control"
                + " character at 1");
    assertThatThrownBy(() -> RuleNames.check("group", "x".repeat(257)))
        .hasMessageEndingWith("is longer than 256 bytes");
    assertThatThrownBy(() -> RuleNames.check("group", ""))
        .hasMessage("Cannot accept rules: group name is empty");
  }
}
