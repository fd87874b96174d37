package io.icegate.query.logql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.query.logql.ast.AndLabelFilter;
import io.icegate.query.logql.ast.CompareOp;
import io.icegate.query.logql.ast.Expr;
import io.icegate.query.logql.ast.LabelFilterExpr;
import io.icegate.query.logql.ast.LabelFilterStage;
import io.icegate.query.logql.ast.LogSelector;
import io.icegate.query.logql.ast.NumericLabelFilter;
import io.icegate.query.logql.ast.OrLabelFilter;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Loki's documented queries parse, and printing a tree then parsing the text gives the same tree.
 *
 * <p>Sources of the examples: Grafana Loki docs {@code docs/sources/query/log_queries/_index.md},
 * {@code metric_queries.md}, {@code query_examples.md}, {@code ip.md}, {@code
 * template_functions.md} and the inputs of {@code pkg/logql/syntax/parser_test.go} (the queries
 * only; expected trees are ours).
 */
class LogQLRoundTripTest {
  static Stream<String> documentedQueries() {
    return Stream.of(
        // log_queries
        "{container=\"query-frontend\",namespace=\"loki-dev\"} |= \"metrics.go\" | logfmt | duration > 10s and throughput_mb < 500",
        "{app=\"mysql\",name=\"mysql-backup\"}",
        "{name =~ \"mysql.+\"}",
        "{name !~ \"mysql.+\", app=\"x\"}",
        "{name !~ `mysql-\\d+`, app=\"x\"}",
        "{name =~ \"(?s).*mysql.*\"}",
        "{name =~ \"[\\\\S\\\\s]*mysql[\\\\S\\\\s]*\"}",
        "{job=\"mysql\"} |= \"error\"",
        "{instance=~\"kafka-[23]\",name=\"kafka\"} != \"kafka.server:type=ReplicaManager\"",
        "{name=\"kafka\"} |~ \"tsdb-ops.*io:2003\"",
        "{name=\"cassandra\"} |~  `error=\\w+`",
        "{job=\"mysql\"} |= \"error\" != \"timeout\"",
        "{job=\"mysql\"} |= \"error\" | json | line_format \"{{.err}}\"",
        "{job=\"mysql\"} | json | line_format \"{{.message}}\" |= \"error\"",
        "{job=\"example\"} | decolorize",
        "{a=\"b\"} | duration >= 20ms or size == 20KB and method!~\"2..\"",
        "{a=\"b\"} | duration >= 20ms or size == 20KB | method!~\"2..\"",
        "{a=\"b\"} | duration >= 20ms or size == 20KB , method!~\"2..\"",
        "{a=\"b\"} | duration >= 20ms or size == 20KB  method!~\"2..\"",
        "{a=\"b\"} | duration >= 20ms or method=\"GET\" and size <= 20KB",
        "{a=\"b\"} | ((duration >= 20ms or method=\"GET\") and size <= 20KB)",
        "{a=\"b\"} | duration >= 20ms or (method=\"GET\" and size <= 20KB)",
        "{a=\"b\"} | logfmt | duration > 1m and bytes_consumed > 20MB",
        "{a=\"b\"} | json first_server=\"servers[0]\", ua=\"request.headers[\\\"User-Agent\\\"]\"",
        "{a=\"b\"} | json server_list=\"servers\", headers=\"request.headers\"",
        "{a=\"b\"} | json response_code=\"response.code\", response_status",
        "{a=\"b\"} | logfmt --strict",
        "{a=\"b\"} | logfmt --keep-empty --strict host, fwd_ip=\"fwd\"",
        "{a=\"b\"} | pattern \"<ip> - - <_> \\\"<method> <uri> <_>\\\" <status> <size> <_> \\\"<agent>\\\" <_>\"",
        "{a=\"b\"} | regexp \"(?P<method>\\\\w+) (?P<path>[\\\\w|/]+) \\\\((?P<status>\\\\d+?)\\\\) (?P<duration>.*)\"",
        "{a=\"b\"} | unpack",
        "{container=\"frontend\"} | logfmt | line_format \"{{.query}} {{.duration}}\"",
        "{a=\"b\"} | label_format foo=bar",
        "{a=\"b\"} | label_format foo=\"{{.bar}}\", baz=qux",
        "{job=\"varlogs\"} | drop level, method=\"GET\"",
        "{job=\"varlogs\"} | drop level, path, app=~\"some-api.*\"",
        "{job=\"varlogs\"} | keep level, method=\"GET\"",
        "{cluster=\"us-central1\", job=\"loki\"} |> \"<_> level=debug <_> msg=\\\"<_> duration=<_>\\\"\"",
        "{a=\"b\"} !> \"<_> status=<code>\" or \"<_> x\"",
        "{a=\"b\"} |= \"foo\" or \"bar\"",
        "{a=\"b\"} |= \"foo\" or \"bar\" != \"baz\"",
        "{job=\"example\"} | pod=\"myservice-abc1234-56789\"",
        // metric_queries
        "count_over_time({job=\"mysql\"}[5m])",
        "sum by (host) (rate({job=\"mysql\"} |= \"error\" != \"timeout\" | json | duration > 10s [1m]))",
        "count_over_time({job=\"mysql\"}[5m] offset 5m)",
        "sum(count_over_time({namespace=\"traefik\"}[5m])) # will return nothing\n  or\nvector(0) # will return 0",
        // query_examples
        "{job_name=\"myapp\"} != ip(\"192.168.4.5-192.168.4.20\")",
        "{job_name=\"myapp\"}\n\t\t| logfmt\n\t\t| addr = ip(\"192.168.4.5/16\")\n\t\t| addr != ip(\"192.168.4.2\")",
        "{job=\"security\"} \n    |~ \"Invalid user.*\"\n    | regexp \"(^(?P<user>\\\\S+ {1,2}){8})\"\n    | regexp \"(^(?P<ip>\\\\S+ {1,2}){10})\"\n    | line_format \"IP = {{.ip}}\\tUSER = {{.user}}\"",
        "{job=\"security\"}\n    != \"grafana_com\"\n    |= \"session opened\"\n    != \"sudo: \"\n    |regexp \"(^(?P<user>\\\\S+ {1,2}){11})\"\n    | line_format \"USER = {{.user}}\"",
        "{cluster=\"ops-tools1\", namespace=\"loki-dev\", job=\"loki-dev/query-frontend\"} |= \"metrics.go\" != \"out of order\" | logfmt | duration > 30s or status_code != \"200\"",
        "{cluster=\"ops-tools1\", name=\"querier\", namespace=\"loki-dev\"}\n  |= \"metrics.go\" != \"loki-canary\"\n  | logfmt\n  | query != \"\"\n  | label_format query=\"{{ Replace .query \\\"\\\\n\\\" \\\"\\\" -1 }}\"\n  | line_format \"{{ .ts}}\\t{{.duration}}\\ttraceID = {{.traceID}}\\t{{ printf \\\"%-100.100s\\\" .query }} \"",
        "quantile_over_time(0.99,\n  {cluster=\"ops-tools1\",container=\"ingress-nginx\"}\n    | json\n    | __error__ = \"\"\n    | unwrap request_time [1m]) by (path)",
        "sum by (org_id) (\n  sum_over_time(\n  {cluster=\"ops-tools1\",container=\"loki-dev\"}\n      |= \"metrics.go\"\n      | logfmt\n      | unwrap bytes_processed [1m])\n  )",
        "topk(10,sum(rate({region=\"us-east1\"}[5m])) by (name))",
        "sum(count_over_time({job=\"mysql\"}[5m])) by (level)",
        "avg(rate(({job=\"nginx\"} |= \"GET\" | json | path=\"/home\")[10s])) by (region)",
        // parser_test.go inputs
        "count_over_time({foo=~`bar\\w+`}[12h] |~ `error\\\\`)",
        "count_over_time({foo=\"bar\"}[12h] |= \"error\")",
        "{ foo = \"bar\" }|logfmt|rate=\"a\"",
        "{ foo = \"bar\" }|logfmt --strict --keep-empty|length>5d",
        "avg(\n\tlabel_replace(\n\t\tcount_over_time({ foo = \"bar\" }[5h]),\n\t\t\"bar\",\n\t\t\"$1$2\",\n\t\t\"foo\",\n\t\t\"(.*).(.*)\"\n\t)\n) by (bar,foo)",
        "avg(count_over_time({ foo = \"bar\" }[5h])) by ()",
        "bottomk(30 ,sum(rate({ foo = \"bar\" }[5h])) by (foo))",
        "max( sum(count_over_time({ foo = \"bar\" }[5h])) without (foo,bar) ) by (foo)",
        "{ foo = \"bar\" , ip=\"foo\"}|logfmt|= ip(\"127.0.0.1\")|ip=\"2.3.4.5\"|ip=\"abc\"|ipaddr=ip(\"4.5.6.7\")|ip=ip(\"6.7.8.9\")",
        "bytes_over_time(({foo=\"bar\"} |= \"baz\" |~ \"blip\" != \"flip\" !~ \"flap\" | unpack)[5m])",
        "topk(5,count_over_time({foo=\"bar\"}[5m] |= \"baz\" |~ \"blip\" != \"flip\" !~ \"flap\")) without (foo)",
        "{app=\"foo\"} |= \"bar\" | unpack | json | latency >= 250ms or ( status_code < 500 and status_code > 200)",
        "count_over_time({ foo =\"bar\" }[12m]) > count_over_time({ foo = \"bar\" }[12m])",
        "sum by (job) (count_over_time({ foo = \"bar\" }[12m])) / on (job) group_left (instance) sum(rate({ foo = \"bar\" }[5m])) by (job, instance) > bool 1",
        "1 + -2 / 1",
        "sum(rate({app=\"foo\"} | unwrap bytes(size) | __error__=\"\" [1m])) by (app) * 100 ^ 2 ^ -1",
        "sort_desc(sum by (app) (rate({app=~\".+\"} [5m] offset -5m)))",
        "rate_counter({app=\"foo\"} | json | unwrap duration(d) | d > 1.5e3 [1m])",
        "{a=\"b\"} | x = -3 | y >= +2 | z != 1e-3 | s < 1kB | t == 0B | u > 300us",
        "{a=\"b\"} |= \"\\u00e9\\x01\\a\\b\\f\\v\\\"`\"");
  }

  @ParameterizedTest
  @MethodSource("documentedQueries")
  void documentedQueriesRoundTrip(String query) {
    Expr parsed = LogQL.parse(query);
    String canonical = parsed.toString();
    Expr reparsed = LogQL.parse(canonical);
    assertThat(reparsed).isEqualTo(parsed);
    assertThat(reparsed.toString()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiterString = " => ",
      quoteCharacter = '\'',
      textBlock =
          """
          {foo = "bar" ,x!~`a\\d`} => {foo="bar", x!~"a\\\\d"}
          {a="b"}|="x"   or  ip("1.1.1.1")|json  a,b="c" => {a="b"} |= "x" or ip("1.1.1.1") | json a="a", b="c"
          {a="b"} | x>1 , y="2" or z=~"3" => {a="b"} | x > 1, y="2" or z=~"3"
          {a="b"} | (x>1 or y="2") z=~"3" => {a="b"} | (x > 1 or y="2") and z=~"3"
          {a="b"} | x>1 and y="2" and z=~"3" => {a="b"} | x > 1 and y="2" and z=~"3"
          {a="b"} | d>90m , s<=2048B, t==1000000B => {a="b"} | d > 1h30m, s <= 2KiB and t == 1MB
          count_over_time({a="b"}[5m] |= "x") => count_over_time({a="b"} |= "x"[5m])
          quantile_over_time(0.5,{a="b"}|unwrap duration_seconds(d)[1d1h] offset 1w) BY (x) => quantile_over_time(0.5, {a="b"} | unwrap duration_seconds(d)[1d1h] offset 1w) by (x)
          sum(rate({a="b"}[5m])) without (x) => sum without (x) (rate({a="b"}[5m]))
          topk(3, rate({a="b"}[5m])) by (x) => topk by (x) (3, rate({a="b"}[5m]))
          (rate({a="b"}[5m]) + rate({a="b"}[5m])) * rate({a="b"}[5m]) => (rate({a="b"}[5m]) + rate({a="b"}[5m])) * rate({a="b"}[5m])
          rate({a="b"}[5m]) - (rate({a="b"}[5m]) - rate({a="b"}[5m])) => rate({a="b"}[5m]) - (rate({a="b"}[5m]) - rate({a="b"}[5m]))
          (rate({a="b"}[5m]) ^ rate({a="b"}[5m])) ^ rate({a="b"}[5m]) => (rate({a="b"}[5m]) ^ rate({a="b"}[5m])) ^ rate({a="b"}[5m])
          rate({a="b"}[5m]) / ignoring(x) group_right rate({a="b"}[5m]) => rate({a="b"}[5m]) / ignoring (x) group_right () rate({a="b"}[5m])
          label_replace(vector(1),"d","r","s","(.*)") => label_replace(vector(1), "d", "r", "s", "(.*)")
          2 * 3 + 0.25 => 6.25
          """)
  void canonicalText(String query, String canonical) {
    assertThat(LogQL.parse(query).toString()).isEqualTo(canonical);
  }

  /** Random and/or trees print to text that parses back to the same tree. */
  @Test
  void everyLabelFilterTreeRoundTrips() {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      LabelFilterExpr tree = randomFilter(random, 5);
      String query = "{a=\"b\"} | " + tree;
      LogSelector parsed = LogQL.parseLogQuery(query);
      assertThat(parsed.pipeline()).as(query).containsExactly(new LabelFilterStage(tree));
    }
  }

  private static LabelFilterExpr randomFilter(Random random, int depth) {
    if (depth == 0 || random.nextInt(3) == 0) {
      return new NumericLabelFilter("l" + random.nextInt(10), CompareOp.GT, random.nextInt(5));
    }
    LabelFilterExpr left = randomFilter(random, depth - 1);
    LabelFilterExpr right = randomFilter(random, depth - 1);
    return random.nextBoolean() ? new AndLabelFilter(left, right) : new OrLabelFilter(left, right);
  }

  @Test
  void formattedStringsEscapeWhatGoQuotes() {
    assertThat(LogQL.parse("{a=\"x\\ny\\\"z\\\\\u00e9\\x01\"}").toString())
        .isEqualTo("{a=\"x\\ny\\\"z\\\\\u00e9\\x01\"}");
  }
}
