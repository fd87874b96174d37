package io.icegate.query.logql.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code json} and {@code unpack}: Loki's documented examples and a loghub round trip. */
class JsonParserTest {
  private static final String LOKI_DOC_LINE =
      "{\"protocol\": \"HTTP/2.0\",\"servers\": [\"129.0.1.1\",\"10.2.1.3\"],\"request\": {"
          + "\"time\": \"6.032\",\"method\": \"GET\",\"host\": \"foo.grafana.net\",\"size\": \"55\","
          + "\"headers\": {\"Accept\": \"*/*\",\"User-Agent\": \"curl/7.68.0\"}},\"response\": {"
          + "\"status\": 401,\"size\": \"228\",\"latency_seconds\": \"6.031\"}}";

  @Test
  void flattensLokisDocumentedExample() {
    assertThat(Pipelines.parsed("| json", LOKI_DOC_LINE))
        .containsExactly(
            entry("protocol", "HTTP/2.0"),
            entry("request_headers_Accept", "*/*"),
            entry("request_headers_User_Agent", "curl/7.68.0"),
            entry("request_host", "foo.grafana.net"),
            entry("request_method", "GET"),
            entry("request_size", "55"),
            entry("request_time", "6.032"),
            entry("response_latency_seconds", "6.031"),
            entry("response_size", "228"),
            entry("response_status", "401"));
  }

  @Test
  void extractsLokisDocumentedExpressions() {
    assertThat(
            Pipelines.parsed(
                "| json first_server=\"servers[0]\", ua=\"request.headers[\\\"User-Agent\\\"]\","
                    + " headers=\"request.headers\", nothing=\"request.nope\"",
                LOKI_DOC_LINE))
        .containsExactly(
            entry("first_server", "129.0.1.1"),
            entry("headers", "{\"Accept\": \"*/*\",\"User-Agent\": \"curl/7.68.0\"}"),
            entry("nothing", ""),
            entry("ua", "curl/7.68.0"));
  }

  @Test
  void sanitizesNamesSkipsArraysAndNullsAndSuffixesStreamLabels() {
    String line =
        "{\"app\":\"dup\",\"1st\":\"a\",\"x.y\":\"b\",\"list\":[1,2],\"n\":null,"
            + "\"num\":1.50,\"ok\":false,\"é\":\"c\",\"twice\":\"first\",\"twice\":\"second\"}";
    assertThat(Pipelines.parsed("| json", line))
        .containsExactly(
            entry("_", "c"),
            entry("_1st", "a"),
            entry("app_extracted", "dup"),
            entry("num", "1.50"),
            entry("ok", "false"),
            entry("twice", "first"),
            entry("x_y", "b"));
  }

  @Test
  void invalidJsonSetsTheErrorAndKeepsWhatWasParsed() {
    ProcessedEntry bad = Pipelines.pass("| json", "not json");
    assertThat(bad.labels().parsed()).containsEntry("__error__", "JSONParserErr");
    assertThat(bad.labels().parsed().get("__error_details__")).isNotBlank();
    assertThat(bad.line()).isEqualTo("not json");
    assertThat(Pipelines.parsed("| json", "{\"a\":\"1\",\"b\":"))
        .containsEntry("a", "1")
        .containsEntry("__error__", "JSONParserErr");
    assertThat(Pipelines.run("| json | __error__ != \"JSONParserErr\"", "[1]")).isEmpty();
    assertThat(Pipelines.parsed("| json a=\"x\"", "plain"))
        .containsEntry("__error__", "JSONParserErr");
  }

  @Test
  void roundTripsLoghubLinesEncodedByJackson() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    Pipeline p = Pipelines.of("| json");
    List<String> lines = Pipelines.loghub("Spark_2k.log");
    for (String raw : lines) {
      String[] parts = raw.split(" ", 4);
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("date", parts[0]);
      doc.put("level", parts[2]);
      doc.put("detail", Map.of("time", parts[1], "message", parts.length > 3 ? parts[3] : ""));
      String json = mapper.writeValueAsString(doc);
      Map<String, String> labels =
          p.process(0, json, Pipelines.STREAM, Map.of()).orElseThrow().labels().parsed();
      assertThat(labels)
          .containsExactly(
              entry("date", parts[0]),
              entry("detail_message", parts.length > 3 ? parts[3] : ""),
              entry("detail_time", parts[1]),
              entry("level", parts[2]));
    }
  }

  @Test
  void unpackReplacesTheLineWithEntry() {
    ProcessedEntry e =
        Pipelines.pass(
            "| unpack",
            "{\"container\":\"myapp\",\"pod\":\"pod-3223f\",\"_entry\":\"original log message\"}");
    assertThat(e.line()).isEqualTo("original log message");
    assertThat(e.labels().parsed())
        .containsExactly(entry("container", "myapp"), entry("pod", "pod-3223f"));
    assertThat(Pipelines.parsed("| unpack", "x=1")).containsEntry("__error__", "JSONParserErr");
  }
}
