package io.icegate.query.logql.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Label filters: comparisons, conversions, errors, and/or, on hand-written and loghub lines. */
class LabelFilterTest {
  private static boolean keeps(String stages, String line) {
    return Pipelines.run(stages, line).isPresent();
  }

  @Test
  void comparesStringsNumbersDurationsAndBytes() {
    String line = "status=404 took=1500ms size=1.5KiB level=error ratio=0.25";
    assertThat(keeps("| logfmt | status >= 400", line)).isTrue();
    assertThat(keeps("| logfmt | status == 404", line)).isTrue();
    assertThat(keeps("| logfmt | status < 404", line)).isFalse();
    assertThat(keeps("| logfmt | ratio > 0.2", line)).isTrue();
    assertThat(keeps("| logfmt | took > 1s", line)).isTrue();
    assertThat(keeps("| logfmt | took <= 1s", line)).isFalse();
    assertThat(keeps("| logfmt | took == 1.5s", line)).isTrue();
    assertThat(keeps("| logfmt | size > 1KB", line)).isTrue();
    assertThat(keeps("| logfmt | size > 2KB", line)).isFalse();
    assertThat(keeps("| logfmt | size == 1536B", line)).isTrue();
    assertThat(keeps("| logfmt | level = \"error\"", line)).isTrue();
    assertThat(keeps("| logfmt | level =~ \"err\"", line)).isFalse();
    assertThat(keeps("| logfmt | level =~ \"err.*\"", line)).isTrue();
    assertThat(keeps("| logfmt | level !~ \"warn|info\"", line)).isTrue();
  }

  @Test
  void missingLabelsFailComparisonsButMatchEmptyStrings() {
    assertThat(keeps("| logfmt | nope > 1", "a=1")).isFalse();
    assertThat(keeps("| logfmt | nope != \"x\"", "a=1")).isTrue();
    assertThat(keeps("| logfmt | nope = \"\"", "a=1")).isTrue();
  }

  @Test
  void conversionFailuresKeepTheEntryWithLabelFilterErr() {
    ProcessedEntry e = Pipelines.pass("| logfmt | status > 1", "status=abc");
    assertThat(e.labels().parsed())
        .containsEntry("__error__", "LabelFilterErr")
        .containsEntry("__error_details__", "strconv.ParseFloat: parsing \"abc\": invalid syntax");
    assertThat(Pipelines.parsed("| logfmt | took > 1s", "took=fast"))
        .containsEntry("__error__", "LabelFilterErr")
        .containsEntry("__error_details__", "time: invalid duration \"fast\"");
    assertThat(Pipelines.parsed("| logfmt | size > 1KB", "size=big"))
        .containsEntry("__error__", "LabelFilterErr");
    assertThat(keeps("| logfmt | status > 1 | __error__ = \"\"", "status=abc")).isFalse();
    assertThat(keeps("| logfmt | status > 1 | __error__ = \"\"", "status=2")).isTrue();
    // Once an error is set, only string filters still decide.
    assertThat(keeps("| json | status > 1000", "not json")).isTrue();
    assertThat(keeps("| json | __error__ = \"JSONParserErr\"", "not json")).isTrue();
  }

  @Test
  void andBindsTighterThanOr() {
    String stages = "| logfmt | a = \"1\" or b = \"2\" and c = \"3\"";
    assertThat(keeps(stages, "a=1 b=0 c=0")).isTrue();
    assertThat(keeps(stages, "a=0 b=2 c=3")).isTrue();
    assertThat(keeps(stages, "a=0 b=2 c=0")).isFalse();
    assertThat(keeps("| logfmt | a = \"1\", b = \"2\"", "a=1 b=2")).isTrue();
    assertThat(keeps("| logfmt | a = \"1\" b = \"3\"", "a=1 b=2")).isFalse();
    assertThat(keeps("| logfmt | (a = \"0\" or b = \"2\") and a = \"1\"", "a=1 b=2")).isTrue();
  }

  @Test
  void ipLabelFilter() {
    assertThat(keeps("| logfmt | addr = ip(\"10.0.0.0/8\")", "addr=10.1.2.3")).isTrue();
    assertThat(keeps("| logfmt | addr = ip(\"10.0.0.0/8\")", "addr=11.1.2.3")).isFalse();
    assertThat(keeps("| logfmt | addr != ip(\"10.0.0.0/8\")", "addr=11.1.2.3")).isTrue();
  }

  @Test
  void filtersLoghubLevelsLikeAPlainSplit() {
    List<String> lines = Pipelines.loghub("Zookeeper_2k.log");
    Pipeline p = Pipelines.of("| pattern \"<date> <time> - <level> <_>\" | level = \"WARN\"");
    List<String> expected = lines.stream().filter(l -> l.split(" +")[3].equals("WARN")).toList();
    assertThat(expected).isNotEmpty();
    assertThat(lines.stream().filter(l -> p.process(0, l, Pipelines.STREAM, Map.of()).isPresent()))
        .containsExactlyElementsOf(expected);
  }
}
