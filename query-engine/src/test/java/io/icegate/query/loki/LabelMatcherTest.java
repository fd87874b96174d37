package io.icegate.query.loki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stream selector matchers read regexes as Loki does: Go's RE2, anchored, {@code .} spans lines.
 */
class LabelMatcherTest {
  @Test
  void posixClassesMatchAsInGo() {
    LabelMatcher alpha = LokiQueries.selector("{app=~\"[[:alpha:]]+\"}").get(0);

    assertThat(List.of("api", "web", "api-2", "a1", ":", ""))
        .filteredOn(alpha::matches)
        .containsExactly("api", "web");
  }

  @Test
  void namedGroupsInGoSyntaxParseAndMatch() {
    LabelMatcher named = LokiQueries.selector("{app=~\"(?P<x>api)\"}").get(0);

    assertThat(named.matches("api")).isTrue();
    assertThat(named.matches("api2")).isFalse();
  }

  @Test
  void javaOnlySyntaxIsRefusedByTheParser() {
    assertThatThrownBy(() -> LokiQueries.selector("{app=~\"(a)\\\\1\"}"))
        .isInstanceOf(RuntimeException.class)
        .hasMessageContaining("error parsing regexp: invalid escape sequence: `\\1`");
  }

  @Test
  void dotMatchesNewlinesInLabelValues() {
    assertThat(LokiQueries.selector("{app=~\"a.b\"}").get(0).matches("a\nb")).isTrue();
  }
}
