package io.icegate.query.http.loki.index;

import static io.icegate.query.http.loki.LokiClient.assertBadData;
import static io.icegate.query.http.loki.index.SdkLogs.bytes;
import static io.icegate.query.http.loki.index.SdkLogs.get;
import static io.icegate.query.http.loki.index.SdkLogs.nanos;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.wal.WalSignal;
import io.icegate.query.LakeStack;
import io.icegate.query.http.loki.LokiClient.Reply;
import io.icegate.query.http.loki.index.SdkLogs.Line;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code index/stats}, {@code index/volume} and {@code index/volume_range} with requests shaped as
 * Grafana sends them, over lines sent through the OpenTelemetry SDK (checkout lines shifted into
 * Iceberg, cart lines still in the WAL). Expected values are computed here from the lines sent.
 * Tenant "evil" holds a stream of the same name and one more; none of it may show for "acme".
 */
class IndexEndpointsTest {
  static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  static final List<Line> CHECKOUT =
      List.of(
          new Line(T0, "{\"status\":200,\"duration\":\"15ms\",\"msg\":\"paid\"}", "/pay"),
          new Line(T0.plusSeconds(10), "{\"status\":500,\"duration\":\"1.5s\"}", "/pay"),
          new Line(T0.plusSeconds(20), "level=info latency=0.25 ok=true size=10KB", "/pay"));
  static final List<Line> CART_DEV =
      List.of(
          new Line(T0.plusSeconds(30), "cart 0", null),
          new Line(T0.plusSeconds(40), "cart 1", null));
  static final List<Line> CART_PROD = List.of(new Line(T0.plusSeconds(50), "cart prod é€", null));
  static final List<Line> EVIL =
      List.of(
          new Line(T0.plusSeconds(5), "TOPSECRET evil checkout line", null),
          new Line(T0.plusSeconds(6), "TOPSECRET spy", null));

  @TempDir static Path root;
  private static LakeStack stack;

  @BeforeAll
  static void start() {
    stack = LakeStack.start(root, Map.of());
    SdkLogs.send(stack, "acme", "checkout", "prod", CHECKOUT);
    SdkLogs.send(stack, "evil", "checkout", "prod", EVIL.subList(0, 1));
    stack.shift(WalSignal.LOGS);
    SdkLogs.send(stack, "acme", "cart", "dev", CART_DEV);
    SdkLogs.send(stack, "acme", "cart", "prod", CART_PROD);
    SdkLogs.send(stack, "evil", "spy", "prod", EVIL.subList(1, 2));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static long sum(List<Line> lines) {
    return lines.stream().mapToLong(line -> bytes(line.body())).sum();
  }

  private static String[] range(String... more) {
    return SdkLogs.range(T0.minusSeconds(60), T0.plusSeconds(300), more);
  }

  @Test
  void statsCountsStreamsBytesAndEntriesAtTheTopLevel() throws IOException {
    Reply all =
        get(stack, "acme", "/loki/api/v1/index/stats", range("query", "{service_name=~\".+\"}"));
    assertThat(all.status()).isEqualTo(200);
    assertThat(fieldNames(all.json())).containsExactly("streams", "chunks", "bytes", "entries");
    assertThat(all.json().get("streams").asLong()).isEqualTo(3);
    assertThat(all.json().get("entries").asLong()).isEqualTo(6);
    assertThat(all.json().get("bytes").asLong())
        .isEqualTo(sum(CHECKOUT) + sum(CART_DEV) + sum(CART_PROD));
    // chunks: the Parquet objects read; at least the data file and a WAL segment, at most all.
    assertThat(all.json().get("chunks").asLong()).isBetween(2L, parquetObjects());

    Reply checkout =
        get(
            stack,
            "acme",
            "/loki/api/v1/index/stats",
            range("query", "{service_name=\"checkout\"} |= \"x\""));
    assertThat(checkout.json().get("streams").asLong()).isEqualTo(1);
    assertThat(checkout.json().get("entries").asLong()).isEqualTo(3);
    assertThat(checkout.json().get("bytes").asLong()).isEqualTo(sum(CHECKOUT));
  }

  @Test
  void statsOfAnEmptyRangeAreZero() throws IOException {
    Reply empty =
        get(
            stack,
            "acme",
            "/loki/api/v1/index/stats",
            "query",
            "{service_name=\"checkout\"}",
            "start",
            nanos(T0.minusSeconds(3600)),
            "end",
            nanos(T0.minusSeconds(1)));
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().get("streams").asLong()).isZero();
    assertThat(empty.json().get("bytes").asLong()).isZero();
    assertThat(empty.json().get("entries").asLong()).isZero();
    // WAL segments are opened to read their footers even when the range prunes all their rows.
    assertThat(empty.json().get("chunks").asLong()).isBetween(0L, parquetObjects());
  }

  @Test
  void volumeAsLogsDrilldownAsksIt() {
    // Logs Drilldown: query={service_name=~".+"}, RFC3339 start/end, limit=5000.
    Reply volume =
        get(
            stack,
            "acme",
            "/loki/api/v1/index/volume",
            "query",
            "{service_name=~\".+\"}",
            "start",
            "2026-11-25T09:59:00Z",
            "end",
            "2026-11-25T10:05:00Z",
            "limit",
            "5000");
    assertThat(volume.status()).isEqualTo(200);
    JsonNode data = volume.json().get("data");
    assertThat(volume.json().get("status").asText()).isEqualTo("success");
    assertThat(data.get("resultType").asText()).isEqualTo("vector");
    long end = T0.plusSeconds(300).getEpochSecond();
    // Largest first: cart lines are 6 + 6 + 15 bytes, checkout lines more.
    assertThat(volume.json().get("data").get("result").toString())
        .isEqualTo(
            "[{\"metric\":{\"service_name\":\"checkout\"},\"value\":["
                + end
                + ",\""
                + sum(CHECKOUT)
                + "\"]},{\"metric\":{\"service_name\":\"cart\"},\"value\":["
                + end
                + ",\""
                + (sum(CART_DEV) + sum(CART_PROD))
                + "\"]}]");
  }

  @Test
  void volumeByTargetLabelsAndByLabelNames() {
    Reply byEnv =
        get(
            stack,
            "acme",
            "/loki/api/v1/index/volume",
            range("query", "{service_name=~\".+\"}", "targetLabels", "deployment_environment"));
    List<String> series = new ArrayList<>();
    byEnv
        .json()
        .get("data")
        .get("result")
        .forEach(
            r -> series.add(r.get("metric").toString() + "=" + r.get("value").get(1).asText()));
    assertThat(series)
        .containsExactly(
            "{\"deployment_environment\":\"prod\"}=" + (sum(CHECKOUT) + sum(CART_PROD)),
            "{\"deployment_environment\":\"dev\"}=" + sum(CART_DEV));

    Reply byName =
        get(
            stack,
            "acme",
            "/loki/api/v1/index/volume",
            range(
                "query",
                "{service_name=\"cart\"}",
                "aggregateBy",
                "labels",
                "targetLabels",
                "service_name,deployment_environment"));
    List<String> names = new ArrayList<>();
    byName
        .json()
        .get("data")
        .get("result")
        .forEach(r -> names.add(r.get("metric").toString() + "=" + r.get("value").get(1).asText()));
    long cart = sum(CART_DEV) + sum(CART_PROD);
    assertThat(names)
        .containsExactly(
            "{\"deployment_environment\":\"\"}=" + cart, "{\"service_name\":\"\"}=" + cart);

    Reply top1 =
        get(
            stack,
            "acme",
            "/loki/api/v1/index/volume",
            range("query", "{service_name=~\".+\"}", "limit", "1"));
    assertThat(top1.json().get("data").get("result")).hasSize(1);
  }

  @Test
  void volumeRangeIsAMatrixOfStepPoints() {
    Reply matrix =
        get(
            stack,
            "acme",
            "/loki/api/v1/index/volume_range",
            "query",
            "{service_name=~\".+\"}",
            "start",
            nanos(T0),
            "end",
            nanos(T0.plusSeconds(60)),
            "step",
            "20s");
    assertThat(matrix.status()).isEqualTo(200);
    assertThat(matrix.json().get("data").get("resultType").asText()).isEqualTo("matrix");
    long t = T0.getEpochSecond();
    // A line at time s goes to the point p with p - 20 s < s <= p (points from start).
    String checkout =
        "{\"metric\":{\"service_name\":\"checkout\"},\"values\":[["
            + t
            + ",\""
            + bytes(CHECKOUT.get(0).body())
            + "\"],["
            + (t + 20)
            + ",\""
            + (bytes(CHECKOUT.get(1).body()) + bytes(CHECKOUT.get(2).body()))
            + "\"]]}";
    String cart =
        "{\"metric\":{\"service_name\":\"cart\"},\"values\":[["
            + (t + 40)
            + ",\""
            + sum(CART_DEV)
            + "\"],["
            + (t + 60)
            + ",\""
            + sum(CART_PROD)
            + "\"]]}";
    assertThat(matrix.json().get("data").get("result").toString())
        .isEqualTo("[" + checkout + "," + cart + "]");
  }

  @Test
  void noEndpointShowsAnotherTenantsData() {
    for (String path :
        List.of(
            "/loki/api/v1/index/stats",
            "/loki/api/v1/index/volume",
            "/loki/api/v1/index/volume_range")) {
      Reply acme = get(stack, "acme", path, range("query", "{service_name=~\".+\"}"));
      assertThat(acme.status()).isEqualTo(200);
      assertThat(acme.text()).doesNotContain("spy");
      Reply evil = get(stack, "evil", path, range("query", "{service_name=~\".+\"}"));
      assertThat(evil.text()).doesNotContain("cart");
    }
    Reply evilStats =
        get(stack, "evil", "/loki/api/v1/index/stats", range("query", "{service_name=~\".+\"}"));
    assertThat(evilStats.json().get("entries").asLong()).isEqualTo(2);
    assertThat(evilStats.json().get("bytes").asLong()).isEqualTo(sum(EVIL));
    Reply evilCheckout =
        get(
            stack,
            "evil",
            "/loki/api/v1/index/volume",
            range("query", "{service_name=\"checkout\"}"));
    assertThat(evilCheckout.json().get("data").get("result").get(0).get("value").get(1).asText())
        .isEqualTo(Long.toString(bytes(EVIL.get(0).body())));
  }

  @Test
  void streamShardValuesAreAnEmptyList() {
    Reply shards =
        get(
            stack,
            "acme",
            "/loki/api/v1/label/__stream_shard__/values",
            range("query", "{service_name=\"cart\"}"));
    assertThat(shards.status()).isEqualTo(200);
    assertThat(shards.json().get("status").asText()).isEqualTo("success");
    assertThat(shards.json().get("data").size()).isZero();
  }

  @Test
  void badInputIsRefusedInLokisErrorShape() {
    assertBadData(
        get(stack, "acme", "/loki/api/v1/index/stats"), 400, "query parameter is required");
    assertBadData(
        get(stack, "acme", "/loki/api/v1/index/volume", range("query", "{service_name=~\".*\"}")),
        400,
        "queries require at least one regexp or equality matcher");
    assertBadData(
        get(stack, "acme", "/loki/api/v1/index/volume", range("query", "{service_name=\"x\"")),
        400,
        "parse error");
    assertBadData(
        get(
            stack,
            "acme",
            "/loki/api/v1/index/volume",
            range("query", "{service_name=\"x\"}", "aggregateBy", "pods")),
        400,
        "aggregateBy must be 'series' or 'labels'");
    assertBadData(
        get(
            stack,
            "acme",
            "/loki/api/v1/index/volume",
            range("query", "{service_name=\"x\"}", "limit", "0")),
        400,
        "must be a positive integer");
    assertBadData(
        get(
            stack,
            "acme",
            "/loki/api/v1/index/volume",
            range("query", "{service_name=\"x\"}", "limit", "999999")),
        400,
        "icegate.loki.max-limit");
    assertBadData(
        get(
            stack,
            "acme",
            "/loki/api/v1/index/volume_range",
            range("query", "{service_name=\"x\"}", "step", "0")),
        400,
        "zero or negative query resolution step");
    assertBadData(
        get(
            stack,
            "acme",
            "/loki/api/v1/index/stats",
            "query",
            "{service_name=\"x\"}",
            "start",
            "yesterday"),
        400,
        "cannot parse \"yesterday\"");
    assertBadData(
        get(
            stack,
            "acme",
            "/loki/api/v1/index/stats",
            "query",
            "{service_name=\"x\"}",
            "start",
            nanos(T0),
            "end",
            nanos(T0.minusSeconds(1))),
        400,
        "end timestamp must not be before");
    assertBadData(
        get(stack, "bad tenant!", "/loki/api/v1/index/stats", range("query", "{a=\"b\"}")),
        400,
        "");
    // still healthy
    assertThat(get(stack, "acme", "/loki/api/v1/index/stats", range("query", "{a=\"b\"}")).status())
        .isEqualTo(200);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static long parquetObjects() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".parquet")).count();
    }
  }
}
