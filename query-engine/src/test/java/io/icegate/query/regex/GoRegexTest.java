package io.icegate.query.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.re2j.Matcher;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GoRegexTest {
  @Test
  void namedGroupsInBothGoSpellings() {
    GoRegex regex = GoRegex.compile("(?P<status_code>\\d+) (x) (?<path_1>[^ ]+)");
    Matcher m = regex.matcher("200 x /a");
    assertThat(m.matches()).isTrue();
    assertThat(regex.groupNames()).containsExactly("status_code", null, "path_1");
    assertThat(m.group(1)).isEqualTo("200");
    assertThat(m.group(3)).isEqualTo("/a");
  }

  @Test
  void bracketsAndPosixClassesAsGoReadsThem() {
    assertThat(GoRegex.compile("\\(?P<no>x\\) [(?P<no2>] (?:y)").groupNames()).isEmpty();
    assertThat(GoRegex.fullMatch("[]a]+").find("]a]")).isTrue();
    assertThat(GoRegex.fullMatch("[^]a]").find("b")).isTrue();
    assertThat(GoRegex.fullMatch("[[:alpha:]]+[[:digit:]]").find("abc1")).isTrue();
    assertThat(GoRegex.fullMatch("[[:^space:]]+").find("a b")).isFalse();
    assertThat(GoRegex.fullMatch("[[:alpha:]]+").find("api")).isTrue();
    assertThat(GoRegex.fullMatch("[[:alpha:]]+").find("api-2")).isFalse();
  }

  @Test
  void labelMatchersAreAnchoredAndDotMatchesNewlines() {
    assertThat(GoRegex.fullMatch("a.b").find("a\nb")).isTrue();
    assertThat(GoRegex.fullMatch("ab").find("xab")).isFalse();
    assertThat(GoRegex.anchored("a.b").find("a\nb")).isFalse();
    assertThat(GoRegex.compile("a.b").find("xa\nb")).isFalse();
    assertThat(GoRegex.compile("ab").find("xabx")).isTrue();
  }

  @Test
  void whatJavaAcceptsAndGoDoesNotIsAnError() {
    for (String java : new String[] {"(a)\\1", "a(?=b)", "a(?<=b)", "a*+", "\\p{javaLowerCase}"}) {
      assertThatThrownBy(() -> GoRegex.compile(java))
          .as(java)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("error parsing regexp: ");
    }
  }

  @Test
  void invalidRegexesAreWordedAsGoAndNameTheUsersText() {
    assertThatThrownBy(() -> GoRegex.fullMatch("(a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("error parsing regexp: missing closing ): `(a`");
    assertThat(Arrays.asList("a|", ".*", "(?i)")).allMatch(r -> GoRegex.fullMatch(r).find(""));
  }

  @Test
  void replaceAllExpandsAsGo() {
    GoRegex regex = GoRegex.compile("(?P<k>\\w+)=(\\w+)");
    assertThat(regex.replaceAll("a=1 b=2", "${2}:$k$$")).isEqualTo("1:a$ 2:b$");
    assertThat(regex.replaceAll("a=1", "$3|$nope|$1x|${1}x")).isEqualTo("|||ax");
    // Go ignores an empty match that abuts the previous match: "-b-c-", not "-b--c-".
    assertThat(GoRegex.compile("a*").replaceAll("baaac", "-")).isEqualTo("-b-c-");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void catastrophicBacktrackingIsLinear() {
    // java.util.regex takes longer than the age of the universe on this; RE2 is linear.
    String input = "a".repeat(10_000) + "!";
    assertThat(GoRegex.fullMatch("(a+)+$").find(input)).isFalse();
    assertThat(GoRegex.compile("(x+x+)+y").find("x".repeat(10_000))).isFalse();
  }
}
