package io.icegate.query.logql.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Line filters against loghub lines; expected sets come from plain Java string checks. */
class LineFilterTest {
  private static List<String> kept(String stages, List<String> lines) {
    Pipeline p = Pipelines.of(stages);
    return lines.stream()
        .filter(l -> p.process(0, l, Pipelines.STREAM, Map.of()).isPresent())
        .toList();
  }

  @Test
  void containsAndNotContainsChain() {
    List<String> lines = Pipelines.loghub("Apache_2k.log");
    List<String> expected =
        lines.stream().filter(l -> l.contains("[error]") && !l.contains("mod_jk")).toList();
    assertThat(expected).isNotEmpty();
    assertThat(kept("|= \"[error]\" != \"mod_jk\"", lines)).isEqualTo(expected);
  }

  @Test
  void orAlternativesKeepAnyAndNegatedOrKeepsNone() {
    List<String> lines = Pipelines.loghub("Apache_2k.log");
    assertThat(kept("|= \"[error]\" or \"[warn]\"", lines))
        .isEqualTo(
            lines.stream().filter(l -> l.contains("[error]") || l.contains("[warn]")).toList());
    assertThat(kept("!= \"[error]\" or \"[notice]\"", lines))
        .isEqualTo(
            lines.stream().filter(l -> !l.contains("[error]") && !l.contains("[notice]")).toList());
  }

  @Test
  void regexIsUnanchoredAndCaseInsensitiveWithFlag() {
    List<String> lines = Pipelines.loghub("OpenSSH_2k.log");
    assertThat(kept("|~ \"(?i)INVALID USER\"", lines))
        .isEqualTo(lines.stream().filter(l -> l.toLowerCase().contains("invalid user")).toList());
    assertThat(kept("!~ \"sshd\\\\[2420[0-9]\\\\]\"", lines))
        .isEqualTo(
            lines.stream()
                .filter(l -> !Pattern.compile("sshd\\[2420\\d\\]").matcher(l).find())
                .toList());
  }

  @Test
  void patternFilterMatchesWholeLine() {
    List<String> lines = Pipelines.loghub("Apache_2k.log");
    List<String> expected =
        lines.stream()
            .filter(l -> l.substring(l.indexOf("] [") + 3).startsWith("error] "))
            .toList();
    assertThat(kept("|> \"[<_>] [error] <_>\"", lines)).isEqualTo(expected);
    assertThat(kept("!> \"[<_>] [error] <_>\"", lines)).hasSize(lines.size() - expected.size());
    // Loki's documented example.
    String line =
        "0.191.12.2 - - [10/Jun/2021:09:14:29 +0000] \"GET /api/plugins/versioncheck HTTP/1.1\""
            + " 200 2 \"-\" \"Go-http-client/2.0\" \"13.76.247.102, 34.120.177.193\" \"TLSv1.2\""
            + " \"US\" \"\"";
    assertThat(Pipelines.run("|> \"<_> - - <_> \\\"<_> <_> <_>\\\" 200 <_>\"", line)).isPresent();
    assertThat(Pipelines.run("|> \"<_> - - <_> \\\"<_> <_> <_>\\\" 500 <_>\"", line)).isEmpty();
    // A trailing literal must end the line.
    assertThat(new LinePattern[] {LinePattern.parse("<a> end")})
        .allSatisfy(p -> assertThat(p.matches("x end")).isTrue());
    assertThat(LinePattern.parse("<a> end").matches("x end more")).isFalse();
  }

  @Test
  void ipFilterFindsAddressesInRange() {
    List<String> lines = Pipelines.loghub("OpenSSH_2k.log");
    Pattern ipv4 =
        Pattern.compile("(?<![0-9.])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![0-9])");
    List<String> expected =
        lines.stream()
            .filter(
                l -> {
                  var m = ipv4.matcher(l);
                  while (m.find()) {
                    int a = Integer.parseInt(m.group(1));
                    int b = Integer.parseInt(m.group(2));
                    if (a == 183 && b >= 62 && b <= 63) {
                      return true;
                    }
                  }
                  return false;
                })
            .toList();
    assertThat(expected).isNotEmpty();
    assertThat(kept("|= ip(\"183.62.0.0/15\")", lines)).isEqualTo(expected);
    assertThat(kept("|= ip(\"183.62.0.0-183.63.255.255\")", lines)).isEqualTo(expected);
    assertThat(kept("!= ip(\"183.62.0.0/15\")", lines)).hasSize(lines.size() - expected.size());
  }

  @Test
  void ipMatcherHandlesIpv6AndRejectsBadRanges() {
    assertThat(new IpLineFilter("2001:db8::/32").test("conn from 2001:db8:0:1::7 port 22"))
        .isTrue();
    assertThat(new IpLineFilter("2001:db8::/32").test("conn from 2001:db9::7 port 22")).isFalse();
    assertThat(new IpLineFilter("::1").test("from ::1 port")).isTrue();
    assertThat(new IpLineFilter("10.0.0.1").test("from 10.0.0.1.")).isTrue();
    assertThat(new IpLineFilter("10.0.0.0/8").test("v6 ::ffff:0a00:0001 only")).isFalse();
    assertThat(new IpLineFilter("10.0.0.0/8").test("ten 010.1.1.1")).isFalse();
    assertThatThrownBy(() -> IpMatcher.parse("10.0.0.9-10.0.0.1"))
        .hasMessage("invalid ip expression: 10.0.0.9-10.0.0.1");
    assertThatThrownBy(() -> IpMatcher.parse("example.com"))
        .hasMessage("invalid ip expression: example.com");
  }

  @Test
  void goRegexSyntaxIsTranslated() {
    assertThat(new RegexLineFilter("[[:digit:]]{6} [[:alpha:]]+").test("081109 abc")).isTrue();
    assertThat(new RegexLineFilter("[]a]").test("]")).isTrue();
    assertThat(new RegexLineFilter("[[]").test("[")).isTrue();
    assertThatThrownBy(() -> new RegexLineFilter("(unclosed"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("error parsing regexp: ");
  }

  @Test
  void leadingLineFiltersCanBePushedDown() {
    Pipeline p = Pipelines.of("|= \"a\" |~ \"b\" != \"c\" | logfmt |= \"d\"");
    assertThat(p.leadingLineFilters()).hasSize(3);
    assertThat(p.afterLeadingLineFilters().stages()).hasSize(2);
    assertThat(p.afterLeadingLineFilters().stages().get(0)).isInstanceOf(LogfmtParserStage.class);
    assertThat(Pipelines.of("| json |= \"a\"").leadingLineFilters()).isEmpty();
    assertThat(Pipelines.of("").leadingLineFilters()).isEmpty();
  }
}
