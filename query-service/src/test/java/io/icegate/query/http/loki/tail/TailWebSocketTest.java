package io.icegate.query.http.loki.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.wal.WalSignal;
import io.icegate.query.LakeStack;
import io.icegate.query.http.loki.LokiClient;
import io.icegate.query.http.loki.index.SdkLogs;
import io.icegate.query.http.loki.index.SdkLogs.Line;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live tail with the JDK's WebSocket client: lines sent through OTLP after the client connected
 * arrive, each exactly once, in Loki's tail frames — also when the WAL is shifted into Iceberg
 * between polls — and another tenant's lines of the same stream never do.
 */
class TailWebSocketTest {
  // One client for the whole test: a WebSocket dies with its client when that is collected.
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path root;
  private static LakeStack stack;

  @BeforeAll
  static void start() {
    stack =
        LakeStack.start(
            root,
            Map.of(
                "icegate.loki.tail.poll-interval", "100ms", "icegate.loki.tail.max-sessions", "1"));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  /** Collects text frames and the close of one connection. */
  static final class Client implements WebSocket.Listener {
    final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        frames.add(partial.toString());
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
      closed.complete(status);
      return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
      closed.completeExceptionally(error);
    }
  }

  private static WebSocket connect(String tenant, Client client, String... params)
      throws Exception {
    StringBuilder url =
        new StringBuilder(stack.queryEndpoint().replace("http://", "ws://"))
            .append("/loki/api/v1/tail");
    for (int i = 0; i < params.length; i += 2) {
      url.append(i == 0 ? '?' : '&')
          .append(params[i])
          .append('=')
          .append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
    }
    WebSocket.Builder builder = HTTP.newWebSocketBuilder();
    if (tenant != null) {
      builder.header("X-Scope-OrgID", tenant);
    }
    return builder.buildAsync(URI.create(url.toString()), client).get(30, TimeUnit.SECONDS);
  }

  /** Reads frames until {@code count} lines arrived; returns every line received. */
  private static List<String> receive(Client client, List<String> lines, int count)
      throws Exception {
    while (lines.size() < count) {
      String frame = client.frames.poll(60, TimeUnit.SECONDS);
      assertThat(frame).as("a tail frame within a minute").isNotNull();
      JsonNode json = org.apache.iceberg.util.JsonUtil.mapper().readTree(frame);
      List<String> names = new ArrayList<>();
      json.fieldNames().forEachRemaining(names::add);
      assertThat(names).containsExactly("streams", "dropped_entries");
      for (JsonNode stream : json.get("streams")) {
        assertThat(stream.get("stream").get("service_name").asText()).isEqualTo("tailed");
        for (JsonNode value : stream.get("values")) {
          assertThat(value).hasSize(2);
          assertThat(value.get(0).asText()).matches("\\d{19}");
          lines.add(value.get(1).asText());
        }
      }
    }
    return lines;
  }

  private static void send(String tenant, String service, String... bodies) {
    List<Line> lines = new ArrayList<>();
    for (String body : bodies) {
      lines.add(new Line(Instant.now(), body, null));
    }
    SdkLogs.send(stack, tenant, service, "prod", lines);
  }

  @Test
  void linesSentAfterConnectingArriveEachOnce() throws Exception {
    // An old line of the stream, before start: not part of the tail.
    send("acme", "tailed", "before start");
    long start = System.currentTimeMillis() * 1_000_000L;
    Client client = new Client();
    WebSocket socket =
        connect(
            "acme", client, "query", "{service_name=\"tailed\"}", "start", Long.toString(start));
    List<String> lines = new ArrayList<>();

    send("acme", "tailed", "line 1", "line 2", "line 2");
    send("evil", "tailed", "TOPSECRET evil line");
    send("acme", "other", "not selected");
    receive(client, lines, 3);

    // Shift the WAL into Iceberg: the same lines are now read from the table; none comes twice.
    stack.shift(WalSignal.LOGS);
    send("acme", "tailed", "line 3");
    send("acme", "tailed", "marker");
    receive(client, lines, 5);

    assertThat(lines).containsExactlyInAnyOrder("line 1", "line 2", "line 2", "line 3", "marker");
    assertThat(lines.indexOf("marker")).isEqualTo(4);

    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(30, TimeUnit.SECONDS);
    // The server answers the close with a close frame (RFC 6455 §5.5.1), not a bare end of stream.
    assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo(WebSocket.NORMAL_CLOSURE);
    // Frames that followed the marker may only be late duplicates; there must be none.
    for (String frame : client.frames) {
      assertThat(org.apache.iceberg.util.JsonUtil.mapper().readTree(frame).get("streams"))
          .isEmpty();
    }

    // At most one tail may be open (icegate.loki.tail.max-sessions=1): a new one is accepted only
    // if the server ended the closed one. It sends the backlog since start: each line once.
    Client again = new Client();
    connect("acme", again, "query", "{service_name=\"tailed\"}", "start", Long.toString(start));
    assertThat(receive(again, new ArrayList<>(), 5))
        .containsExactlyInAnyOrder("line 1", "line 2", "line 2", "line 3", "marker");
  }

  @Test
  void aBadRequestGetsAnErrorFrameAndAPolicyClose() throws Exception {
    Client client = new Client();
    connect("acme", client, "query", "{service_name=~\".*\"}");
    String frame = client.frames.poll(60, TimeUnit.SECONDS);
    assertThat(frame).contains("\"status\":\"error\"").contains("at least one regexp or equality");
    assertThat(client.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1008);

    Client noQuery = new Client();
    connect("acme", noQuery);
    assertThat(noQuery.frames.poll(60, TimeUnit.SECONDS)).contains("query parameter is required");
    assertThat(noQuery.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1008);

    Client delay = new Client();
    connect("acme", delay, "query", "{service_name=\"tailed\"}", "delay_for", "6");
    assertThat(delay.frames.poll(60, TimeUnit.SECONDS))
        .contains("delay_for can't be greater than 5");
  }

  @Test
  void refusedAndOpenedTailsAreCountedInTheQueryMetrics() throws Exception {
    LokiClient loki = new LokiClient(stack);
    double badBefore = loki.requests("bad_data");
    double okBefore = loki.requests("ok");

    Client refused = new Client();
    connect("acme", refused, "query", "{service_name=~\".*\"}");
    assertThat(refused.closed.get(30, TimeUnit.SECONDS)).isEqualTo(1008);
    assertThat(loki.requests("bad_data")).isEqualTo(badBefore + 1);

    Client opened = new Client();
    WebSocket socket = connect("acme", opened, "query", "{service_name=\"tailed\"}");
    await().atMost(Duration.ofSeconds(30)).until(() -> loki.requests("ok") >= okBefore + 1);
    assertThat(loki.requests("ok")).isEqualTo(okBefore + 1);
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(30, TimeUnit.SECONDS);
  }
}
