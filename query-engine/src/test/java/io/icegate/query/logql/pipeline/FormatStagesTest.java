package io.icegate.query.logql.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code line_format} and {@code label_format}. */
class FormatStagesTest {
  @Test
  void lineFormatRewritesTheLineFromLabels() {
    ProcessedEntry e =
        Pipelines.pass(
            "| logfmt | line_format \"{{.query}} {{.duration}}\"",
            "level=info query=\"sum(rate({job=\\\"x\\\"}[1m]))\" duration=1.2s");
    assertThat(e.line()).isEqualTo("sum(rate({job=\"x\"}[1m])) 1.2s");
    assertThat(Pipelines.pass("| line_format \"{{.job}}/{{.app}}: {{__line__}}\"", "hi").line())
        .isEqualTo("test/web: hi");
  }

  @Test
  void lineFormatOnLoghubLinesMatchesPlainJava() {
    Pipeline p =
        Pipelines.of(
            "| pattern \"[<_>] [<level>] <msg>\" | line_format `{{ .level | ToUpper }}: {{ .msg |"
                + " trunc 20 }}`");
    for (String line : Pipelines.loghub("Apache_2k.log")) {
      int close = line.indexOf("] [");
      int end = line.indexOf("] ", close + 3);
      String level = line.substring(close + 3, end);
      String msg = line.substring(end + 2);
      String expected =
          level.toUpperCase() + ": " + (msg.length() > 20 ? msg.substring(0, 20) : msg);
      assertThat(p.process(0, line, Pipelines.STREAM, Map.of()).orElseThrow().line())
          .isEqualTo(expected);
    }
  }

  @Test
  void failingTemplatesKeepTheLineAndSetTemplateFormatErr() {
    ProcessedEntry e = Pipelines.pass("| logfmt | line_format \"{{ .a.b }}\"", "a=x");
    assertThat(e.line()).isEqualTo("a=x");
    assertThat(e.labels().parsed()).containsEntry("__error__", "TemplateFormatErr");
    assertThat(e.labels().parsed().get("__error_details__"))
        .contains("can't evaluate field b in type string");
    Map<String, String> labels =
        Pipelines.parsed("| logfmt | label_format d=`{{ div .a 0 }}`", "a=1");
    assertThat(labels).containsEntry("__error__", "TemplateFormatErr").doesNotContainKey("d");
    assertThatThrownBy(() -> new LineFormatStage("{{ .a "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("template: line:1: unclosed action");
  }

  @Test
  void labelFormatRenamesAndRendersAgainstTheLabelsBeforeTheStage() {
    ProcessedEntry e =
        Pipelines.pass(
            "| logfmt | label_format both=`{{.a}}-{{.src}}`, dst=src, a=\"changed\", c=`{{.a}}`",
            "a=1 src=s");
    assertThat(e.labels().parsed())
        .containsExactly(
            entry("a", "changed"), entry("both", "1-s"), entry("c", "1"), entry("dst", "s"));
    // As in Loki, templates see the labels as of the stage's first template: a rename listed
    // before it has already happened.
    assertThat(Pipelines.parsed("| logfmt | label_format dst=src, both=`{{.src}}`", "src=s"))
        .containsExactly(entry("both", ""), entry("dst", "s"));
    // A renamed stream label stays a stream label.
    ProcessedEntry renamed = Pipelines.pass("| label_format service=app", "x");
    assertThat(renamed.labels().stream())
        .containsExactly(entry("job", "test"), entry("service", "web"));
    assertThat(renamed.labels().parsed()).isEmpty();
  }

  @Test
  void labelFormatTemplateSetsParsedLabelOverStreamLabel() {
    ProcessedEntry e = Pipelines.pass("| label_format app=`{{ .app | upper }}`", "x");
    assertThat(e.labels().stream()).containsExactly(entry("job", "test"));
    assertThat(e.labels().parsed()).containsExactly(entry("app", "WEB"));
  }

  @Test
  void labelFormatRefusesTheSameNameTwice() {
    assertThatThrownBy(
            () ->
                new LabelFormatStage(
                    List.of(LabelFormat.rename("a", "b"), LabelFormat.template("a", "x"))))
        .hasMessage("multiple label name 'a' in a single label_format");
  }
}
