package io.icegate.query.http.loki;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.wal.WalSignal;
import io.icegate.query.LakeStack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log queries over the data of query-engine's {@code LokiColumnChoiceTest} (which shows that scans
 * read only the columns they need), through the HTTP API: structured metadata and parsed labels are
 * still answered, and the limit keeps the first entries in either direction. Real stack: OTLP into
 * the ingest service, half the rows shifted to Iceberg, the rest in the WAL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LokiLogQueryColumnsTest {
  private static final long T0 = 1_795_600_800_000_000_000L;
  private static final long S = 1_000_000_000L;
  private static final String TENANT = "columns";

  @TempDir static Path root;
  private LakeStack stack;
  private LokiClient loki;
  private final List<OtlpLogs.Line> api = new ArrayList<>();
  private final List<OtlpLogs.Line> web = new ArrayList<>();

  @BeforeAll
  void start() {
    stack = LakeStack.start(root, Map.of());
    loki = new LokiClient(stack);
    for (int i = 0; i < 30; i++) {
      Map<String, String> attributes = new HashMap<>();
      attributes.put("thread.id", Integer.toString(i % 4));
      if (i % 2 == 1) {
        // a record attribute named like the stream label: structured metadata service_name
        attributes.put("service.name", "shadow");
      }
      api.add(
          new OtlpLogs.Line(
              T0 + i * S,
              "{\"x\":\"v" + (i % 3) + "\",\"msg\":\"héllo ✓ " + i + "\"}",
              9,
              attributes));
    }
    for (int i = 0; i < 20; i++) {
      web.add(
          new OtlpLogs.Line(
              T0 + i * S + S / 2,
              i % 5 == 0 ? "GET /x error " + i : "GET /y ok " + i,
              9,
              Map.of("thread.id", Integer.toString(i % 2))));
    }
    Map<String, String> apiResource =
        Map.of("service.name", "api", "k8s.pod.name", "api-1", "host.name", "h1");
    Map<String, String> webResource = Map.of("service.name", "web", "k8s.pod.name", "web-1");
    OtlpLogs.send(stack, TENANT, apiResource, api.subList(0, 15));
    OtlpLogs.send(stack, TENANT, webResource, web.subList(0, 10));
    assertThat(stack.shift(WalSignal.LOGS)).as("rows moved to Iceberg").isEqualTo(25L);
    OtlpLogs.send(stack, TENANT, apiResource, api.subList(15, 30));
    OtlpLogs.send(stack, TENANT, webResource, web.subList(10, 20));
  }

  @AfterAll
  void stop() {
    stack.close();
  }

  @Test
  void logQueriesStillSeeStructuredMetadataAndParsedLabels() {
    // line_format over a parsed label: the body and the pipeline are read
    JsonNode formatted = logs("{service_name=\"api\"} | json | line_format \"{{.x}}\"");
    List<String> lines = new ArrayList<>();
    for (JsonNode stream : formatted.get("data").get("result")) {
      stream.get("values").forEach(value -> lines.add(value.get(1).asText()));
    }
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < api.size(); i++) {
      expected.add("v" + (i % 3));
    }
    assertThat(lines).containsExactlyInAnyOrderElementsOf(expected);
    // without a pipeline the answer's labels carry structured metadata, renamed as the pipeline
    // renames it: `| decolorize` changes nothing in these lines but runs the labels builder
    JsonNode raw = logs("{service_name=\"api\"}");
    assertThat(raw.get("data").get("result").toString())
        .isEqualTo(
            logs("{service_name=\"api\"} | decolorize").get("data").get("result").toString());
    List<String> labels = new ArrayList<>();
    raw.get("data").get("result").forEach(stream -> labels.add(stream.get("stream").toString()));
    assertThat(labels)
        .allSatisfy(l -> assertThat(l).contains("\"service_name\":\"api\"", "\"thread_id\""));
    assertThat(labels)
        .anySatisfy(l -> assertThat(l).contains("\"service_name_extracted\":\"shadow\""));
  }

  @Test
  void logQueryLimitKeepsTheFirstEntriesInEitherDirection() {
    List<Long> times = new ArrayList<>();
    concat(api, web).forEach(line -> times.add(line.timeNanos()));
    times.sort(null);
    for (String query : List.of("{service_name=~\".+\"}", "{service_name=~\".+\"} | json")) {
      List<Long> newest = new ArrayList<>(times.subList(times.size() - 7, times.size()));
      Collections.reverse(newest);
      assertThat(times(logs(query, "backward", 7), true))
          .as(query)
          .containsExactlyElementsOf(newest);
      assertThat(times(logs(query, "forward", 7), false))
          .as(query)
          .containsExactlyElementsOf(times.subList(0, 7));
    }
  }

  /** The entries' times, merged over streams in the direction's order. */
  private static List<Long> times(JsonNode answer, boolean backward) {
    List<Long> times = new ArrayList<>();
    answer
        .get("data")
        .get("result")
        .forEach(stream -> stream.get("values").forEach(v -> times.add(v.get(0).asLong())));
    times.sort(null);
    if (backward) {
      Collections.reverse(times);
    }
    return times;
  }

  private JsonNode logs(String query) {
    return logs(query, "backward", 1000);
  }

  private JsonNode logs(String query, String direction, int limit) {
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query_range",
            LokiClient.query(
                "query",
                query,
                "start",
                Long.toString(T0 - 60 * S),
                "end",
                Long.toString(T0 + 600 * S),
                "limit",
                Integer.toString(limit),
                "direction",
                direction),
            "X-Scope-OrgID",
            TENANT);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply.json();
  }

  private static List<OtlpLogs.Line> concat(List<OtlpLogs.Line> a, List<OtlpLogs.Line> b) {
    List<OtlpLogs.Line> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
