package io.icegate.query.logql.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.icegate.query.logql.parse.LogQL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Real LogQL strings, parsed by the LogQL parser, compiled and run. */
class PipelineCompilerTest {
  @Test
  void compilesEveryStageKind() {
    Pipeline p =
        PipelineCompiler.compile(
            LogQL.parseLogQuery(
                    "{job=\"x\"} |= \"a\" or \"b\" != ip(\"10.0.0.0/8\") |~ `c` !~ `d` |> `<_> a <_>`"
                        + " !> `zzz <_>` | json | json k=\"a.b\" | logfmt --strict --keep-empty"
                        + " | logfmt k | regexp `(?P<r>x)` | pattern `<p> y` | unpack"
                        + " | k = \"1\" or k > 2 and k < 3s, k > 1KB | k = ip(\"1.2.3.4\")"
                        + " | line_format `{{.k}}` | label_format a=b, c=`{{.d}}`"
                        + " | drop a, b=\"1\" | keep c | decolorize")
                .pipeline());
    assertThat(p.stages()).hasSize(20);
    assertThat(p.leadingLineFilters()).hasSize(6);
    assertThat(p.stages().get(6)).isInstanceOf(JsonParserStage.class);
    assertThat(p.stages().get(7)).isInstanceOf(JsonExpressionParserStage.class);
    assertThat(p.stages().get(19)).isInstanceOf(DecolorizeStage.class);
  }

  @Test
  void runsAQueryEndToEndOnOneEntry() {
    Pipeline p =
        PipelineCompiler.compile(
            LogQL.parseLogQuery(
                    "{app=\"web\"} |= \"GET\" | logfmt | status >= 400 and duration > 100ms"
                        + " | label_format code=status | line_format `{{.method}} {{.code}}`"
                        + " | drop duration")
                .pipeline());
    ProcessedEntry e =
        p.process(
                42L,
                "method=GET status=503 duration=250ms",
                LabelSet.of("app", "web"),
                Map.of("trace_id", "abc"))
            .orElseThrow();
    assertThat(e.timestampNanos()).isEqualTo(42L);
    assertThat(e.line()).isEqualTo("GET 503");
    assertThat(e.labels().stream()).containsExactly(entry("app", "web"));
    assertThat(e.labels().structuredMetadata()).containsExactly(entry("trace_id", "abc"));
    assertThat(e.labels().parsed()).containsExactly(entry("code", "503"), entry("method", "GET"));
    assertThat(
            p.process(1L, "method=GET status=200 duration=1s", LabelSet.of("app", "web"), Map.of()))
        .isEmpty();
  }

  @Test
  void badStagesTheParserAcceptsFailWithAClearMessage() {
    assertThatThrownBy(
            () ->
                PipelineCompiler.compile(
                    LogQL.parseLogQuery("{a=\"b\"} | line_format `{{ nosuch }}`").pipeline()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("template: line:1: function \"nosuch\" not defined");
  }
}
