package io.icegate.query.logql.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@code logfmt}: Loki's documented example, loghub's Linux lines split by hand, the flags. */
class LogfmtParserTest {
  @Test
  void parsesLokisDocumentedExample() {
    assertThat(
            Pipelines.parsed(
                "| logfmt",
                "at=info method=GET path=/ host=grafana.net fwd=\"124.133.124.161\" service=8ms"
                    + " status=200"))
        .containsExactly(
            entry("at", "info"),
            entry("fwd", "124.133.124.161"),
            entry("host", "grafana.net"),
            entry("method", "GET"),
            entry("path", "/"),
            entry("service", "8ms"),
            entry("status", "200"));
  }

  @Test
  void extractsTheKeyValuePairsOfLinuxAuthLines() {
    Pipeline p = Pipelines.of("| logfmt");
    List<String> lines =
        Pipelines.loghub("Linux_2k.log").stream()
            .filter(l -> l.contains("authentication failure"))
            .toList();
    assertThat(lines).hasSizeGreaterThan(100);
    for (String line : lines) {
      Map<String, String> expected = new TreeMap<>();
      for (String token : line.trim().split(" +")) {
        int eq = token.indexOf('=');
        if (eq > 0 && eq < token.length() - 1) {
          expected.put(token.substring(0, eq), token.substring(eq + 1));
        }
      }
      assertThat(p.process(0, line, Pipelines.STREAM, Map.of()).orElseThrow().labels().parsed())
          .as(line)
          .isEqualTo(expected);
    }
  }

  @Test
  void keepEmptyKeepsBareKeysAndEmptyValues() {
    String line = "a= b=1 c d=\"\"";
    assertThat(Pipelines.parsed("| logfmt", line)).containsExactly(entry("b", "1"));
    assertThat(Pipelines.parsed("| logfmt --keep-empty", line))
        .containsExactly(entry("a", ""), entry("b", "1"), entry("c", ""), entry("d", ""));
  }

  @Test
  void strictStopsAtTheFirstErrorWhileLenientSkipsIt() {
    String line = "a=1 =x c=3";
    assertThat(Pipelines.parsed("| logfmt", line))
        .containsExactly(entry("a", "1"), entry("c", "3"));
    Map<String, String> strict = Pipelines.parsed("| logfmt --strict", line);
    assertThat(strict).containsEntry("a", "1").containsEntry("__error__", "LogfmtParserErr");
    assertThat(strict.get("__error_details__")).startsWith("logfmt syntax error at pos");
    assertThat(strict).doesNotContainKey("c");
  }

  @Test
  void parametersPickKeysQuotedValuesUnescape() {
    String line = "level=warn msg=\"a \\\"quoted\\\" word\" took=5ms job=j";
    assertThat(Pipelines.parsed("| logfmt msg, duration=\"took\", job", line))
        .containsExactly(
            entry("duration", "5ms"),
            entry("job_extracted", "j"),
            entry("msg", "a \"quoted\" word"));
    assertThat(Pipelines.parsed("| logfmt lvl=\"level\", none=\"absent\"", line))
        .containsExactly(entry("lvl", "warn"), entry("none", ""));
  }

  @Test
  void firstParserToExtractANameWins() {
    assertThat(Pipelines.parsed("| logfmt | regexp \"level=(?P<level>\\\\w)\"", "level=warn x=1"))
        .containsEntry("level", "warn");
    assertThat(Pipelines.parsed("| logfmt", "k=1 k=2")).containsExactly(entry("k", "1"));
  }
}
