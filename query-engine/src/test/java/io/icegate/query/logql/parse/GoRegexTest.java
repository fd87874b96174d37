package io.icegate.query.logql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

class GoRegexTest {
  @Test
  void namedGroupsWithUnderscoresBecomePlainGroups() {
    String regex = "(?P<status_code>\\d+) (x) (?<path_1>[^ ]+)";
    Matcher m = GoRegex.compile(regex).matcher("200 x /a");
    assertThat(m.matches()).isTrue();
    assertThat(GoRegex.groupNames(regex)).containsExactly("status_code", null, "path_1");
    assertThat(m.group(1)).isEqualTo("200");
    assertThat(m.group(3)).isEqualTo("/a");
  }

  @Test
  void escapesClassesAndLookbehindSyntaxAreLeftAlone() {
    assertThat(GoRegex.groupNames("\\(?P<no>x\\) [(?P<no2>] (?:y)")).containsExactly();
    assertThat(GoRegex.compile("[]a]+").matcher("]a]").matches()).isTrue();
    assertThat(GoRegex.compile("[^]a]").matcher("b").matches()).isTrue();
  }

  @Test
  void posixClassesInsideBrackets() {
    assertThat(GoRegex.compile("[[:alpha:]]+[[:digit:]]").matcher("abc1").matches()).isTrue();
    assertThat(GoRegex.compile("[[:^space:]]+").matcher("a b").matches()).isFalse();
    assertThat(GoRegex.compile("[[:^space:]]+").matcher("ab").matches()).isTrue();
  }

  @Test
  void invalidRegexesNameTheExpression() {
    assertThatThrownBy(() -> GoRegex.compile("(a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("error parsing regexp: ")
        .hasMessageEndingWith(": `(a`");
    assertThat(Arrays.asList("a|", ".*", "(?i)"))
        .allMatch(r -> GoRegex.compile(r).matcher("").matches());
  }
}
