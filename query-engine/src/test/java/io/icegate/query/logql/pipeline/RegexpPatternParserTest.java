package io.icegate.query.logql.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code regexp} and {@code pattern}: Loki's documented examples and loghub lines split by hand.
 */
class RegexpPatternParserTest {
  @Test
  void regexpParsesLokisDocumentedExample() {
    assertThat(
            Pipelines.parsed(
                "| regexp \"(?P<method>\\\\w+) (?P<path>[\\\\w|/]+) \\\\((?P<status>\\\\d+?)\\\\)"
                    + " (?P<duration>.*)\"",
                "POST /api/prom/api/v1/query_range (200) 1.5s"))
        .containsExactly(
            entry("duration", "1.5s"),
            entry("method", "POST"),
            entry("path", "/api/prom/api/v1/query_range"),
            entry("status", "200"));
  }

  @Test
  void patternParsesLokisDocumentedExample() {
    String line =
        "0.191.12.2 - - [10/Jun/2021:09:14:29 +0000] \"GET /api/plugins/versioncheck HTTP/1.1\""
            + " 200 2 \"-\" \"Go-http-client/2.0\" \"13.76.247.102, 34.120.177.193\" \"TLSv1.2\""
            + " \"US\" \"\"";
    assertThat(
            Pipelines.parsed(
                "| pattern \"<ip> - - <_> \\\"<method> <uri> <_>\\\" <status> <size> <_>"
                    + " \\\"<agent>\\\" <_>\"",
                line))
        .containsExactly(
            entry("agent", "Go-http-client/2.0"),
            entry("ip", "0.191.12.2"),
            entry("method", "GET"),
            entry("size", "2"),
            entry("status", "200"),
            entry("uri", "/api/plugins/versioncheck"));
  }

  @Test
  void patternAndRegexpAgreeWithSplittingHdfsLines() {
    Pipeline pattern =
        Pipelines.of("| pattern \"<date> <time> <pid> <level> <component>: <content>\"");
    Pipeline regexp =
        Pipelines.of(
            "| regexp \"^(?P<date>\\\\d+) (?P<time>\\\\d+) (?P<pid>\\\\d+) (?P<level>[A-Z]+)"
                + " (?P<component>[^:]+): (?P<content>.*)$\"");
    List<String> lines = Pipelines.loghub("HDFS_2k.log");
    for (String line : lines) {
      String[] p = line.split(" ", 5);
      int colon = p[4].indexOf(": ");
      Map<String, String> expected =
          Map.of(
              "date", p[0],
              "time", p[1],
              "pid", p[2],
              "level", p[3],
              "component", p[4].substring(0, colon),
              "content", p[4].substring(colon + 2));
      assertThat(
              pattern.process(0, line, Pipelines.STREAM, Map.of()).orElseThrow().labels().parsed())
          .as(line)
          .isEqualTo(expected);
      assertThat(
              regexp.process(0, line, Pipelines.STREAM, Map.of()).orElseThrow().labels().parsed())
          .as(line)
          .isEqualTo(expected);
    }
  }

  @Test
  void patternCapturesTheRestWhenALiteralIsMissing() {
    assertThat(Pipelines.parsed("| pattern \"<a> - <b> end\"", "x - tail without it"))
        .containsExactly(entry("a", "x"), entry("b", "tail without it"));
    assertThat(Pipelines.parsed("| pattern \"start <a>\"", "other line")).isEmpty();
    assertThat(Pipelines.parsed("| pattern \"<job> <rest>\"", "j r"))
        .containsExactly(entry("job_extracted", "j"), entry("rest", "r"));
  }

  @Test
  void rejectsBadExpressions() {
    assertThatThrownBy(() -> new PatternParserStage("<a><b>"))
        .hasMessageContaining("expression must have literals between captures");
    assertThatThrownBy(() -> new PatternParserStage("<_> only"))
        .hasMessage("at least one capture is required");
    assertThatThrownBy(() -> new RegexpParserStage("(\\d+)"))
        .hasMessage("at least one named capture must be supplied");
    assertThatThrownBy(() -> new RegexpParserStage("(?P<a>x)(?P<a>y)"))
        .hasMessage("error parsing regexp: duplicate capture group name: `a`");
  }

  @Test
  void regexpGroupsWithUnderscoresAndUnmatchedGroups() {
    assertThat(Pipelines.parsed("| regexp \"(?P<status_code>\\\\d{3})(?P<opt_x>x)?\"", "code 404"))
        .containsExactly(entry("opt_x", ""), entry("status_code", "404"));
    assertThat(Pipelines.parsed("| regexp \"(?P<n>\\\\d+)\"", "no digits")).isEmpty();
  }
}
