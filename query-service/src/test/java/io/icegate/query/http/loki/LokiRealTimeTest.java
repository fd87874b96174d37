package io.icegate.query.http.loki;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.wal.WalSignal;
import io.icegate.query.LakeStack;
import io.icegate.query.TelemetryFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs sent with the OpenTelemetry SDK are answered by {@code query_range} right after the
 * exporter's ack (from the WAL), identically after shifting (from Iceberg), and never twice when
 * part is in Iceberg and part in the WAL.
 */
class LokiRealTimeTest {
  @TempDir Path root;
  private LakeStack stack;
  private LokiClient loki;

  @BeforeEach
  void start() {
    stack = LakeStack.start(root, Map.of());
    loki = new LokiClient(stack);
  }

  @AfterEach
  void stop() {
    stack.close();
  }

  private JsonNode checkout() {
    LokiClient.Reply reply =
        loki.get(
            "/loki/api/v1/query_range",
            LokiClient.query(
                "query",
                "{service_name=\"checkout\"}",
                "start",
                LokiApiTest.START,
                "end",
                LokiApiTest.END,
                "limit",
                "1000"),
            "X-Scope-OrgID",
            "rt",
            "X-Loki-Response-Encoding-Flags",
            "categorize-labels");
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply.json();
  }

  /** ts, line and structured metadata of every entry, without the SDK's observed time. */
  private static List<String> entries(JsonNode answer) {
    List<String> out = new ArrayList<>();
    for (JsonNode stream : answer.get("data").get("result")) {
      for (JsonNode value : stream.get("values")) {
        com.fasterxml.jackson.databind.node.ObjectNode metadata =
            ((com.fasterxml.jackson.databind.node.ObjectNode)
                    value.get(2).get("structuredMetadata"))
                .deepCopy();
        metadata.remove("observed_timestamp");
        out.add(
            stream.get("stream")
                + " "
                + value.get(0).asText()
                + " "
                + value.get(1).asText()
                + " "
                + metadata);
      }
    }
    return out;
  }

  @Test
  void answersFromTheWalThenFromIcebergWithoutDuplicates() {
    TelemetryFixture.send(stack, "rt", "");
    List<String> fromWal = entries(checkout());
    assertThat(fromWal).hasSize(6);
    assertThat(fromWal.get(5))
        .contains("{\"service_name\":\"checkout\"} " + LokiApiTest.T0 + " checkout 0 ")
        .contains("\"trace_id\":\"" + TelemetryFixture.TRACE_1 + "\"")
        .contains("\"detected_level\":\"error\"");

    assertThat(stack.shift(WalSignal.LOGS)).isGreaterThan(0);
    assertThat(entries(checkout())).containsExactlyElementsOf(fromWal);

    // a second batch stays in the WAL: Iceberg + WAL, each line once, newest first
    TelemetryFixture.send(stack, "rt", "b-");
    List<String> lines = LokiApiTest.lines(checkout());
    assertThat(lines)
        .containsExactly(
            "checkout 5",
            "b-checkout 5",
            "checkout 4",
            "b-checkout 4",
            "checkout 3",
            "b-checkout 3",
            "checkout 2",
            "b-checkout 2",
            "checkout 1",
            "b-checkout 1",
            "checkout 0",
            "b-checkout 0");
    stack.shift(WalSignal.LOGS);
    assertThat(LokiApiTest.lines(checkout())).containsExactlyElementsOf(lines);
  }
}
