package io.icegate.query;

import io.icegate.ingest.IngestApplication;
import io.icegate.ingest.shift.ShiftSettings;
import io.icegate.ingest.shift.Shifter;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.runtime.ServiceRuntime;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.wal.WalSignal;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The real ingest and query services on random ports over one local lake in a temp folder: data
 * goes in through OTLP (the OpenTelemetry SDK's exporters or raw OTLP/HTTP), shifting is driven by
 * the test, and SQL goes to {@code POST /api/v1/sql}.
 */
public final class LakeStack implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final ApplicationContext ingest;
  private final ApplicationContext query;

  private LakeStack(ApplicationContext ingest, ApplicationContext query) {
    this.ingest = ingest;
    this.query = query;
  }

  public static LakeStack start(Path root, Map<String, Object> queryProperties) {
    Map<String, Object> lake = new HashMap<>();
    lake.put("micronaut.server.port", -1);
    lake.put("icegate.storage.type", "local");
    lake.put("icegate.storage.root", root.toString());
    Map<String, Object> ingestProperties = new HashMap<>(lake);
    ingestProperties.put("grpc.server.port", freePort());
    ingestProperties.put("icegate.shift.enabled", false);
    ingestProperties.put("icegate.wal.flush-interval", "5ms");
    ApplicationContext ingest = IngestApplication.start(ingestProperties);
    try {
      Map<String, Object> queryAll = new HashMap<>(lake);
      queryAll.putAll(queryProperties);
      return new LakeStack(ingest, QueryApplication.start(queryAll));
    } catch (RuntimeException e) {
      ingest.close();
      throw e;
    }
  }

  /** The OTLP/HTTP base URL of the ingest service. */
  public String otlpEndpoint() {
    return "http://127.0.0.1:" + ServiceRuntime.httpPort(ingest);
  }

  /** A bean of the query service, for tests that drive its classes in process. */
  public <T> T queryBean(Class<T> type) {
    return query.getBean(type);
  }

  public String queryEndpoint() {
    return "http://127.0.0.1:" + ServiceRuntime.httpPort(query);
  }

  /** Shifts the WAL of {@code signal} into its table until nothing is left. */
  public long shift(WalSignal signal) {
    ObjectStoreCatalog catalog = ingest.getBean(ObjectStoreCatalog.class);
    ObjectStore store = ingest.getBean(ObjectStore.class);
    long rows = 0;
    while (true) {
      Optional<Shifter.ShiftResult> result =
          new Shifter(
                  catalog.loadTable(signal.table().identifier()),
                  store,
                  signal,
                  ShiftSettings.defaults())
              .shiftOnce();
      if (result.isEmpty()) {
        return rows;
      }
      rows += result.get().rows();
    }
  }

  /** Posts SQL text as {@code tenant} (none: no header), JSON answer. */
  public Answer sql(String tenant, String sql) {
    return post(
        "/api/v1/sql",
        sql.getBytes(StandardCharsets.UTF_8),
        tenant == null ? new String[] {} : new String[] {"X-Scope-OrgID", tenant});
  }

  /** POSTs to the query service; {@code headers} are name, value pairs. */
  public Answer post(String path, byte[] body, String... headers) {
    return send(queryEndpoint() + path, body, headers);
  }

  /** POSTs to the ingest service. */
  public Answer postIngest(String path, byte[] body, String... headers) {
    return send(otlpEndpoint() + path, body, headers);
  }

  public Answer get(String path) {
    try {
      HttpResponse<byte[]> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(queryEndpoint() + path)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Answer send(String url, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<byte[]> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      query.close();
    } finally {
      ingest.close();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTP answer. */
  public record Answer(int status, byte[] body, Map<String, java.util.List<String>> headers) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The JSON answer's rows, as lists of JSON values. */
    public java.util.List<java.util.List<Object>> rows() {
      try {
        com.fasterxml.jackson.databind.JsonNode node =
            org.apache.iceberg.util.JsonUtil.mapper().readTree(body);
        if (status != 200) {
          throw new AssertionError("Query failed with " + status + ": " + text());
        }
        java.util.List<java.util.List<Object>> rows = new java.util.ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode row : node.get("rows")) {
          java.util.List<Object> values = new java.util.ArrayList<>();
          for (com.fasterxml.jackson.databind.JsonNode value : row) {
            values.add(
                value.isNull()
                    ? null
                    : value.isIntegralNumber()
                        ? (Object) value.asLong()
                        : value.isNumber()
                            ? (Object) value.asDouble()
                            : value.isTextual() ? value.asText() : value.toString());
          }
          rows.add(values);
        }
        return rows;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
