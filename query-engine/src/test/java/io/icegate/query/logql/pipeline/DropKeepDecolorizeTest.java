package io.icegate.query.logql.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code drop}, {@code keep} and {@code decolorize}. */
class DropKeepDecolorizeTest {
  @Test
  void dropRemovesNamesAndMatchingLabelsOfAnyCategory() {
    ProcessedEntry e = Pipelines.pass("| logfmt | drop a, b=\"2\", c=\"nope\", app", "a=1 b=2 c=3");
    assertThat(e.labels().all()).containsExactly(entry("c", "3"), entry("job", "test"));
    ProcessedEntry sm =
        Pipelines.of("| drop trace_id")
            .process(0, "x", Pipelines.STREAM, Map.of("trace_id", "t", "user", "u"))
            .orElseThrow();
    assertThat(sm.labels().structuredMetadata()).containsExactly(entry("user", "u"));
  }

  @Test
  void droppingErrorLabelsClearsTheError() {
    ProcessedEntry e = Pipelines.pass("| json | drop __error__, __error_details__", "not json");
    assertThat(e.labels().parsed()).isEmpty();
    assertThat(Pipelines.run("| json | drop __error__ | __error__ = \"\"", "x")).isPresent();
    assertThat(Pipelines.parsed("| json | drop __error__=\"LogfmtParserErr\"", "x"))
        .containsEntry("__error__", "JSONParserErr");
  }

  @Test
  void keepLeavesOnlyListedLabelsButNeverErrors() {
    ProcessedEntry e = Pipelines.pass("| logfmt | keep a, b=\"9\", job", "a=1 b=2 c=3");
    assertThat(e.labels().all()).containsExactly(entry("a", "1"), entry("job", "test"));
    ProcessedEntry err = Pipelines.pass("| json | keep job", "oops");
    assertThat(err.labels().all()).containsOnlyKeys("job", "__error__", "__error_details__");
  }

  @Test
  void decolorizeStripsAnsiSequences() {
    String colored = "\u001B[31mERROR\u001B[0m done \u001B[1;32mok\u001B[0m\u001B]0;title\u0007";
    assertThat(Pipelines.pass("| decolorize", colored).line()).isEqualTo("ERROR done ok");
    // Independent check: the loghub lines carry no escapes, so they pass unchanged.
    Pipeline p = Pipelines.of("| decolorize");
    List<String> lines = Pipelines.loghub("Linux_2k.log");
    for (String line : lines) {
      assertThat(p.process(0, line, Pipelines.STREAM, Map.of()).orElseThrow().line())
          .isEqualTo(line);
    }
  }
}
