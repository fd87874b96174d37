package io.icegate.query.http.loki.tail;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.error.ErrorKind;
import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.QueryMetrics;
import io.icegate.query.http.ErrorMessages;
import io.icegate.query.http.RequestTenant;
import io.icegate.query.http.loki.LokiJson;
import io.icegate.query.http.loki.LokiRequest;
import io.icegate.query.http.loki.LokiResponses;
import io.icegate.query.http.loki.LokiTime;
import io.icegate.query.loki.LabelMapping;
import io.icegate.query.loki.LogEntry;
import io.icegate.query.loki.LogSelection;
import io.icegate.query.loki.LokiBadRequestException;
import io.icegate.query.loki.LokiConfiguration;
import io.icegate.query.loki.LokiQueries;
import io.icegate.query.loki.index.IndexScans;
import io.icegate.query.loki.tail.TailConfiguration;
import io.icegate.query.loki.tail.TailSession;
import io.icegate.query.tenant.QueryTenantResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loki's live tail, {@code /loki/api/v1/tail} over WebSocket (docs/loki.md): parameters {@code
 * query}, {@code start} (default 1 h ago), {@code limit} (default 100), {@code delay_for} (seconds,
 * at most 5); tenant from {@code X-Scope-OrgID} of the upgrade request. A refused request gets one
 * error frame in Loki's error shape and a close with code 1008; a client's close stops the poller
 * and is answered with a close frame.
 */
@ServerWebSocket("/loki/api/v1/tail")
final class TailSocket implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TailSocket.class);
  private static final String POLLER = "icegate.tail.poller";
  // Set when this side sent a close frame: the close that follows must not be answered.
  private static final String CLOSE_SENT = "icegate.tail.close-sent";
  private static final long MAX_DELAY_NANOS = 5_000_000_000L;

  private final IndexScans scans;
  private final QueryTenantResolver tenants;
  private final LokiConfiguration loki;
  private final TailConfiguration config;
  private final LabelMapping mapping;
  private final QueryMetrics metrics;
  private final AtomicInteger open = new AtomicInteger();
  private final ScheduledExecutorService pollers =
      Executors.newScheduledThreadPool(
          2,
          runnable -> {
            Thread thread = new Thread(runnable, "loki-tail");
            thread.setDaemon(true);
            return thread;
          });

  TailSocket(
      IndexScans scans,
      QueryTenantResolver tenants,
      LokiConfiguration loki,
      TailConfiguration config,
      QueryMetrics metrics) {
    this.metrics = requireNonNull(metrics, "metrics is null");
    this.scans = requireNonNull(scans, "scans is null");
    this.tenants = requireNonNull(tenants, "tenants is null");
    this.loki = requireNonNull(loki, "loki is null");
    this.config = requireNonNull(config, "config is null");
    this.mapping = new LabelMapping(loki.indexLabels());
  }

  @OnOpen
  void open(WebSocketSession session, HttpRequest<?> request) {
    long opened = System.nanoTime();
    TailSession tail;
    try {
      TenantId tenant = RequestTenant.of(tenants, request);
      LokiRequest params = LokiRequest.of(session.getRequestParameters());
      LogSelection selection = LokiQueries.logQuery(params.query(loki));
      long now = LokiTime.nowNanos();
      long start = params.time("start").orElse(now - LokiTime.HOUR_NANOS);
      int limit = params.positive("limit", loki.maxLimit(), "icegate.loki.max-limit").orElse(100);
      long delay = params.get("delay_for").map(TailSocket::delay).orElse(0L);
      if (open.incrementAndGet() > config.maxSessions()) {
        open.decrementAndGet();
        throw new LokiBadRequestException(
            "too many live tails open ("
                + config.maxSessions()
                + ", icegate.loki.tail.max-sessions)");
      }
      tail =
          new TailSession(
              scans,
              mapping,
              tenant,
              selection,
              start,
              limit,
              delay,
              config,
              LokiTime::nowNanos,
              entries -> session.sendSync(frame(entries)));
    } catch (RuntimeException e) {
      ErrorKind kind = ErrorKind.of(e);
      metrics.record(LokiResponses.API, kind.type(), System.nanoTime() - opened, 0, 0);
      if (kind == ErrorKind.INTERNAL) {
        LOG.error("Live tail failed to open", e);
      }
      refuse(session, kind == ErrorKind.INTERNAL ? ErrorMessages.internal(e) : e.getMessage());
      return;
    }
    metrics.record(LokiResponses.API, "ok", System.nanoTime() - opened, 0, 0);
    long every = config.pollInterval().toMillis();
    ScheduledFuture<?> poller =
        pollers.scheduleWithFixedDelay(
            () -> poll(session, tail), 0, Math.max(every, 1), TimeUnit.MILLISECONDS);
    session.put(POLLER, poller);
  }

  private void poll(WebSocketSession session, TailSession tail) {
    if (!session.isOpen()) {
      stop(session);
      return;
    }
    try {
      tail.poll();
    } catch (RuntimeException e) {
      ErrorKind kind = ErrorKind.of(e);
      metrics.record(LokiResponses.API, kind.type(), 0, 0, 0);
      if (kind == ErrorKind.UNAVAILABLE) {
        // the next poll tries again; nothing was marked sent
        LOG.warn("Live tail poll failed on storage: {}", e.toString());
        return;
      }
      if (kind == ErrorKind.INTERNAL) {
        LOG.error("Live tail poll failed", e);
      }
      refuse(
          session,
          kind == ErrorKind.INTERNAL
              ? "tail failed: internal error (" + e.getClass().getSimpleName() + ")"
              : e.getMessage());
      stop(session);
    }
  }

  /** {@code {"streams":[{"stream":{...},"values":[["ns","line"],...]}],"dropped_entries":[]}}. */
  static String frame(List<LogEntry> entries) {
    Map<Map<String, String>, List<LogEntry>> streams = new LinkedHashMap<>();
    for (LogEntry entry : entries) {
      streams.computeIfAbsent(entry.allLabels(), k -> new ArrayList<>()).add(entry);
    }
    byte[] json =
        LokiJson.write(
            out -> {
              out.writeStartObject();
              out.writeArrayFieldStart("streams");
              for (Map.Entry<Map<String, String>, List<LogEntry>> stream : streams.entrySet()) {
                out.writeStartObject();
                out.writeObjectFieldStart("stream");
                for (Map.Entry<String, String> label : stream.getKey().entrySet()) {
                  out.writeStringField(label.getKey(), label.getValue());
                }
                out.writeEndObject();
                out.writeArrayFieldStart("values");
                for (LogEntry entry : stream.getValue()) {
                  out.writeStartArray();
                  out.writeString(Long.toString(entry.timestampNanos()));
                  out.writeString(entry.line());
                  out.writeEndArray();
                }
                out.writeEndArray();
                out.writeEndObject();
              }
              out.writeEndArray();
              out.writeArrayFieldStart("dropped_entries");
              out.writeEndArray();
              out.writeEndObject();
            });
    return new String(json, StandardCharsets.UTF_8);
  }

  @OnMessage
  void message(String text, WebSocketSession session) {
    // Loki's tail reads nothing from the client.
  }

  /**
   * Stops the tail and answers a client's close frame with one (RFC 6455 §5.5.1). Micronaut closes
   * the connection right after this method without sending one; a client still busy with the
   * previous message then sees only the end of the stream, and the JDK's client loses that end and
   * never reports the close (docs/decisions.md).
   */
  @OnClose
  void close(WebSocketSession session, CloseReason reason) {
    stop(session);
    if (session.isOpen() && session.get(CLOSE_SENT, Boolean.class).isEmpty()) {
      session.put(CLOSE_SENT, Boolean.TRUE);
      session.close(new CloseReason(echoCode(reason.getCode()), ""));
    }
  }

  /** The code a close frame may carry back: the client's, unless it may not be sent (1005, …). */
  static int echoCode(int code) {
    boolean sendable =
        (code >= 1000 && code <= 1003)
            || (code >= 1007 && code <= 1011)
            || (code >= 3000 && code <= 4999);
    return sendable ? code : CloseReason.NORMAL.getCode();
  }

  private void stop(WebSocketSession session) {
    session
        .get(POLLER, ScheduledFuture.class)
        .ifPresent(
            poller -> {
              session.remove(POLLER);
              poller.cancel(false);
              open.decrementAndGet();
            });
  }

  private static void refuse(WebSocketSession session, String message) {
    if (session.isOpen()) {
      session.sendSync(new String(LokiJson.error("bad_data", message), StandardCharsets.UTF_8));
      session.put(CLOSE_SENT, Boolean.TRUE);
      // A close reason is at most 123 bytes; the full message went in the frame above.
      session.close(new CloseReason(CloseReason.POLICY_VIOLATION.getCode(), shorten(message)));
    }
  }

  private static String shorten(String message) {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    return bytes.length <= 120 ? message : message.substring(0, Math.min(message.length(), 100));
  }

  private static long delay(String value) {
    long nanos = LokiTime.parseDuration("delay_for", value);
    if (nanos < 0 || nanos > MAX_DELAY_NANOS) {
      throw new LokiBadRequestException("delay_for can't be greater than 5");
    }
    return nanos;
  }

  @PreDestroy
  @Override
  public void close() {
    pollers.shutdownNow();
  }
}
