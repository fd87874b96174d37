package io.icegate.query.loki;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.ingest.IngestApplication;
import io.icegate.ingest.shift.ShiftSettings;
import io.icegate.ingest.shift.Shifter;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.runtime.CatalogConfiguration;
import io.icegate.lake.runtime.ServiceRuntime;
import io.icegate.lake.runtime.StorageConfiguration;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.wal.WalSignal;
import io.icegate.query.engine.LakeScanner;
import io.micronaut.context.ApplicationContext;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real ingest service over a lake in a temp folder, and the engine's {@link LakeScanner} over
 * the same lake: rows go in as raw OTLP/HTTP requests, shifting is driven by the test.
 */
final class IngestedLake implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** One record: time, body, severity number and attributes. */
  record Line(long timeNanos, String body, int severity, Map<String, String> attributes) {}

  private final ApplicationContext ingest;
  private final LakeScanner scanner;

  IngestedLake(Path root) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("micronaut.server.port", -1);
    properties.put("icegate.storage.type", "local");
    properties.put("icegate.storage.root", root.toString());
    properties.put("grpc.server.port", freePort());
    properties.put("icegate.shift.enabled", false);
    properties.put("icegate.wal.flush-interval", "5ms");
    this.ingest = IngestApplication.start(properties);
    CatalogConfiguration catalog = ingest.getBean(CatalogConfiguration.class);
    this.scanner =
        new LakeScanner(
            ingest.getBean(ObjectStore.class),
            new LakeLocations(
                ingest.getBean(StorageConfiguration.class).toSettings().rootLocation()),
            catalog.catalogName(),
            catalog.toProperties(),
            Duration.ofMinutes(15));
  }

  LakeScanner scanner() {
    return scanner;
  }

  /** Sends {@code lines} of one resource as one OTLP/HTTP request of {@code tenant}. */
  void send(String tenant, Map<String, String> resource, List<Line> lines) {
    Resource.Builder res = Resource.newBuilder();
    resource.forEach((k, v) -> res.addAttributes(kv(k, v)));
    ScopeLogs.Builder scope = ScopeLogs.newBuilder();
    for (Line line : lines) {
      LogRecord.Builder record =
          LogRecord.newBuilder()
              .setTimeUnixNano(line.timeNanos())
              .setSeverityNumberValue(line.severity())
              .setBody(AnyValue.newBuilder().setStringValue(line.body()));
      line.attributes().forEach((k, v) -> record.addAttributes(kv(k, v)));
      scope.addLogRecords(record);
    }
    byte[] body =
        ExportLogsServiceRequest.newBuilder()
            .addResourceLogs(ResourceLogs.newBuilder().setResource(res).addScopeLogs(scope))
            .build()
            .toByteArray();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + ServiceRuntime.httpPort(ingest) + "/v1/logs"))
            .header("Content-Type", "application/x-protobuf")
            .header("X-Scope-OrgID", tenant)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Shifts the WAL of {@code signal} into its table until nothing is left; the rows moved. */
  long shift(WalSignal signal) {
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

  @Override
  public void close() {
    try {
      scanner.close();
    } finally {
      ingest.close();
    }
  }

  private static KeyValue kv(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
