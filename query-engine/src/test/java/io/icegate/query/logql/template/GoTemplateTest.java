package io.icegate.query.logql.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Go template subset, checked against the input/output pairs of Loki's template function
 * documentation (docs/sources/query/template_functions.md) and Go's text/template rules.
 */
class GoTemplateTest {
  private static final long TS =
      Instant.parse("2021-11-02T10:20:30.450Z").getEpochSecond() * 1_000_000_000L + 450_000_000L;

  private static String run(String template, Map<String, String> labels) {
    return GoTemplate.parse("line", template)
        .execute(new TemplateContext(labels, "Original Line", TS));
  }

  private static String run(String template) {
    return run(template, Map.of());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " ==> ",
      quoteCharacter = '\'',
      value = {
        // Examples from Loki's template function docs, with their documented output.
        "{{ alignLeft 5 \"hello world\"}} ==> hello",
        "{{ alignLeft 5 \"hi\"}} ==> 'hi   '",
        "{{ alignRight 5 \"hello world\"}} ==> world",
        "{{ alignRight 5 \"hi\"}} ==> '   hi'",
        "{{ default \"-\" \"\" }} ==> -",
        "{{ default \"-\" \"foo\" }} ==> foo",
        "{{ lower  \"HELLO\"}} ==> hello",
        "{{ repeat 3 \"hello\" }} ==> hellohellohello",
        "{{ replace \"hello\" \"world\" \"hello world\" }} ==> world world",
        "{{ substr 0 5 \"hello world\"}} ==> hello",
        "{{ substr 6 11 \"hello world\"}} ==> world",
        "{{ title \"hello world\"}} ==> Hello World",
        "{{ trim \"   hello    \" }} ==> hello",
        "{{ trimAll \"$\" \"$5.00\" }} ==> 5.00",
        "{{ trimPrefix \"-\" \"-hello\" }} ==> hello",
        "{{ trimSuffix \"-\" \"hello-\" }} ==> hello",
        "{{ trunc 5 \"hello world\"}} ==> hello",
        "{{ trunc -5 \"hello world\"}} ==> world",
        "{{ upper  \"hello\"}} ==> HELLO",
        "{{ if contains \"he\" \"hello\" }} yes {{end}} ==> ' yes '",
        "{{ if eq \"hello\" \"hello\" }} yes {{end}} ==> ' yes '",
        "{{ if hasPrefix \"he\" \"hello\" }} yes {{end}} ==> ' yes '",
        "{{ if and (contains \"he\" \"hello\") (contains \"llo\" \"hello\") }} yes {{end}} ==> ' yes '",
        "{{ add 3 2 5 }} ==> 10",
        "{{ addf 3.5 2 5 }} ==> 10.5",
        "{{ ceil 123.001 }} ==> 124",
        "{{ div 10 2}} ==> 5",
        "{{ divf 10 2 4}} ==> 1.25",
        "{{ \"3.5\" | float64 }} ==> 3.5",
        "{{ floor 123.9999 }} ==> 123",
        "{{ \"3\" | int }} ==> 3",
        "{{ max 1 2 3 }} ==> 3",
        "{{ maxf 1 2.5 3 }} ==> 3",
        "{{ min 1 2 3 }} ==> 1",
        "{{ mul 5 2 3}} ==> 30",
        "{{ mulf 5.5 2 2.5 }} ==> 27.5",
        "{{ mod 10 3}} ==> 1",
        "{{ round 123.555555 3 }} ==> 123.556",
        "{{ round 123.88571428571 5 .2 }} ==> 123.88572",
        "{{ round 123.88571428571 5 }} ==> 123.88571",
        "{{ sub 5 2 }} ==> 3",
        "{{ subf  5.5 2 1.5 }} ==> 2",
        "{{ count \"a|b\" \"abab\" }} ==> 4",
        "{{ count \"o\" \"foo\" }} ==> 2",
        "{{ toDate \"2006-01-02\" \"2021-11-02\" | unixEpoch }} ==> 1635811200",
        "{{ toDateInZone \"2006-01-02\" \"UTC\" \"2021-11-02\" | unixEpochMillis }} ==> 1635811200000",
        "{{ toDateInZone \"2006-01-02\" \"UTC\" \"2021-11-02\" | unixEpochNanos }} ==> 1635811200000000000",
        // Go's own rules.
        "{{ minf 1 2.5 3 }} ==> 1",
        "{{ mulf 1000 1000 }} ==> 1e+06",
        "{{ divf 1 3 }} ==> 0.3333333333333333",
        "{{ printf \"%-5.5s|\" \"GET\" }} ==> GET  |",
        "{{ printf \"%05.2f %d %q %x %v\" 3.14159 42 \"a\" 255 true }} ==> 03.14 42 \"a\" ff true",
        "{{ printf \"%d\" \"x\" }} ==> %!d(string=x)",
        "{{ len \"héllo\" }} ==> 6",
        "{{ $x := \"v\" }}{{ $x }}{{ $x = \"w\" }}{{ $x }} ==> vw",
        "a  {{- \"b\" -}}  c ==> abc",
        "a{{/* a comment */}}b ==> ab",
        "{{ if false }}1{{ else if 0 }}2{{ else }}3{{ end }} ==> 3",
        "{{ with \"\" }}x{{ else }}empty{{ end }} ==> empty",
        "{{ not true }} {{ or 0 \"\" \"z\" }} {{ and 1 0 }} ==> false z 0",
        "{{ lt 1 2 }} {{ ge \"b\" \"a\" }} {{ ne 1 1 }} ==> true true false",
        "{{ regexReplaceAll \"(a*)bc\" \"aaabc xbc\" \"${1}a\" }} ==> aaaa xa",
        "{{ regexReplaceAll \"(?P<x>a+)\" \"baab\" \"<$x>\" }} ==> b<aa>b",
        "{{ regexReplaceAll \"(a)\" \"a\" \"$1x\" }} ==> ''",
        "{{ regexReplaceAllLiteral \"(ts=)\" \"ts=1 ts=2\" \"timestamp=\" }} ==> timestamp=1 timestamp=2",
        "{{ b64enc \"hello\" }} {{ b64dec \"aGVsbG8=\" }} ==> aGVsbG8= hello",
        "{{ urlencode \"a b&c\" }} {{ urldecode \"a+b%26c\" }} ==> a+b%26c a b&c",
        "{{ indent 2 \"a\\nb\" }} ==> '  a\n  b'",
        "{{ unixToTime \"1679577215\" | date \"2006-01-02\" }} ==> 2023-03-23",
        "{{ __line__ | lower }} ==> original line",
        "{{ __timestamp__ | date \"2006-01-02T15:04:05.00Z-07:00\" }} ==> 2021-11-02T10:20:30.45Z+00:00",
        "{{ __timestamp__ }} ==> 2021-11-02 10:20:30.45 +0000 UTC",
        "{{ __timestamp__ | unixEpoch }} ==> 1635848430",
        "{{ date \"Mon Jan _2 03:04:05PM 2006 MST\" (toDate \"2006-01-02 15:04:05.000\" \"2021-11-02 14:05:06.789\") }} ==> Tue Nov  2 02:05:06PM 2021 UTC",
        "{{ toDate \"02/Jan/2006:15:04:05 -0700\" \"04/Dec/2005:04:47:44 +0100\" | unixEpoch }} ==> 1133668064",
        "{{ toDate \"2006-01-02\" \"garbage\" }} ==> 0001-01-01 00:00:00 +0000 UTC",
        "{{ range $i, $v := fromJson \"[10, 20]\" }}{{ $i }}={{ $v }};{{ end }} ==> 0=10;1=20;",
        "{{ range fromJson \"[]\" }}x{{ else }}none{{ end }} ==> none",
        "{{ (fromJson \"{\\\"a\\\":{\\\"b\\\":\\\"c\\\"}}\").a.b }} ==> c",
      })
  void matchesDocumentedOutput(String template, String expected) {
    assertThat(run(template)).isEqualTo(expected);
  }

  @Test
  void readsLabelsFromDotAndMissingOnesAreEmpty() {
    Map<String, String> labels = Map.of("path", "a b c d e f", "err", "", "status", "200");
    assertThat(run("{{ .path | replace \" \" \"_\" | trunc 5 | upper }}", labels))
        .isEqualTo("A_B_C");
    assertThat(run("[{{ .missing }}]", labels)).isEqualTo("[]");
    assertThat(run("{{ if eq .status \"200\" }}ok{{ end }}", labels)).isEqualTo("ok");
    // Docs: contains's first argument is the substring, so "" is in "ErrTimeout".
    assertThat(
            run(
                "{{ if contains .err \"ErrTimeout\" }} timeout {{else if contains \"he\" \"hello\"}}"
                    + " yes {{else}} no {{end}}",
                labels))
        .isEqualTo(" timeout ");
    assertThat(run("{{ .status | default \"-\" }} {{ .missing | default \"-\" }}", labels))
        .isEqualTo("200 -");
    assertThat(run("{{ sub .status 58 }} {{ add .status \"x\" }}", labels)).isEqualTo("142 200");
  }

  @Test
  void documentedFromJsonRangeExample() {
    Map<String, String> labels =
        Map.of("queries", "[{\"query\":\"up\"},{\"query\":\"rate(x[5m])\"}]");
    assertThat(run("{{ range $q := fromJson .queries }} {{ $q.query }} {{ end }}", labels))
        .isEqualTo(" up  rate(x[5m]) ");
  }

  @Test
  void documentedPrintfExample() {
    Map<String, String> labels =
        Map.of("request_uri", "/a/509965767/alternative-to-my-mtg.html", "request_method", "GET");
    assertThat(
            run(
                "{{ printf \"%-40.40s\" .request_uri}} {{printf \"%-5.5s\" .request_method}}",
                labels))
        .isEqualTo("/a/509965767/alternative-to-my-mtg.html  GET  ");
  }

  @Test
  void executionErrorsReadLikeGo() {
    Map<String, String> labels = Map.of("a", "x");
    assertThatThrownBy(() -> run("{{ .a.b }}", labels))
        .isInstanceOf(TemplateException.class)
        .hasMessage(
            "template: line:1:3: executing \"line\" at <.a.b>: can't evaluate field b in type"
                + " string");
    assertThatThrownBy(() -> run("{{ trunc \"5\" .a }}", labels))
        .hasMessageContaining("wrong type for value; expected int; got string");
    assertThatThrownBy(() -> run("{{ eq 1 \"a\" }}"))
        .hasMessageContaining("incompatible types for comparison");
    assertThatThrownBy(() -> run("{{ div 1 0 }}")).hasMessageContaining("integer divide by zero");
    assertThatThrownBy(() -> run("{{ unixToTime \"12\" }}"))
        .hasMessageContaining("invalid unix timestamp \"12\"");
    assertThatThrownBy(() -> run("{{ repeat 100000000 \"xx\" }}"))
        .hasMessageContaining("repeat result too large");
  }

  @Test
  void parseErrorsNameThePlace() {
    assertThatThrownBy(() -> GoTemplate.parse("line", "{{ .a "))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template: line:1: unclosed action");
    assertThatThrownBy(() -> GoTemplate.parse("line", "{{ nosuch .a }}"))
        .hasMessage("template: line:1: function \"nosuch\" not defined");
    assertThatThrownBy(() -> GoTemplate.parse("line", "{{ if .a }}x"))
        .hasMessage("template: line:1: unexpected EOF");
    assertThatThrownBy(() -> GoTemplate.parse("line", "x\n{{ end }}"))
        .hasMessage("template: line:2: unexpected {{end}}");
    assertThatThrownBy(() -> GoTemplate.parse("line", "{{ $x }}"))
        .hasMessage("template: line:1: undefined variable \"$x\"");
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    String deep = "{{ " + "(".repeat(5000) + "1" + ")".repeat(5000) + " }}";
    assertThatThrownBy(() -> GoTemplate.parse("line", deep))
        .isInstanceOf(TemplateException.class)
        .hasMessage("template: line:1: nesting deeper than 100");
    String ifs = "{{ if 1 }}".repeat(500) + "{{ end }}".repeat(500);
    assertThatThrownBy(() -> GoTemplate.parse("line", ifs))
        .hasMessage("template: line:1: nesting deeper than 100");
    assertThat(run("{{ " + "(".repeat(50) + "1" + ")".repeat(50) + " }}")).isEqualTo("1");
  }

  @Test
  void offersEveryFunctionLokiDocuments() {
    assertThat(GoTemplate.functionNames())
        .contains(
            "ToLower",
            "ToUpper",
            "Replace",
            "Trim",
            "TrimLeft",
            "TrimRight",
            "TrimPrefix",
            "TrimSuffix",
            "TrimSpace",
            "lower",
            "upper",
            "title",
            "trunc",
            "substr",
            "contains",
            "hasPrefix",
            "hasSuffix",
            "indent",
            "nindent",
            "repeat",
            "trim",
            "trimAll",
            "trimPrefix",
            "trimSuffix",
            "regexReplaceAll",
            "regexReplaceAllLiteral",
            "default",
            "count",
            "add",
            "sub",
            "mul",
            "div",
            "mod",
            "addf",
            "subf",
            "mulf",
            "divf",
            "ceil",
            "floor",
            "round",
            "max",
            "min",
            "maxf",
            "minf",
            "int",
            "float64",
            "unixEpoch",
            "unixEpochMillis",
            "unixEpochNanos",
            "unixToTime",
            "toDate",
            "toDateInZone",
            "date",
            "now",
            "b64enc",
            "b64dec",
            "urlencode",
            "urldecode",
            "alignLeft",
            "alignRight",
            "fromJson",
            "bytes",
            "duration",
            "duration_seconds",
            "__line__",
            "__timestamp__",
            "printf",
            "len",
            "eq",
            "ne",
            "lt",
            "le",
            "gt",
            "ge",
            "and",
            "or",
            "not");
  }
}
