package io.icegate.ingest.otlp;

import io.icegate.ingest.IngestApplication;
import io.icegate.lake.runtime.IceGateService;
import io.icegate.lake.runtime.ServiceRuntime;
import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.wal.WalKeys.SegmentId;
import io.icegate.lake.wal.WalReader;
import io.icegate.lake.wal.WalSegment;
import io.icegate.lake.wal.WalSignal;
import io.icegate.proto.v1.WalBatch;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.iceberg.data.Record;

/**
 * The ingest service on random ports over a local store in a temp folder, with helpers to send
 * OTLP/HTTP and to read back what landed in the WAL.
 */
final class IngestServer implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Path root;
  private final ApplicationContext context;
  private final int grpcPort;

  private IngestServer(Path root, ApplicationContext context, int grpcPort) {
    this.root = root;
    this.context = context;
    this.grpcPort = grpcPort;
  }

  static IngestServer start(Path root, Map<String, Object> properties, Object... singletons) {
    int grpcPort = freePort();
    Map<String, Object> all = new HashMap<>();
    all.put("micronaut.server.port", -1);
    all.put("grpc.server.port", grpcPort);
    all.put("icegate.storage.type", "local");
    all.put("icegate.storage.root", root.toString());
    all.putAll(properties);
    ApplicationContext context =
        singletons.length == 0
            ? IngestApplication.start(all)
            : ServiceRuntime.start(IceGateService.INGEST, all, List.of(singletons));
    return new IngestServer(root, context, grpcPort);
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  int httpPort() {
    return ServiceRuntime.httpPort(context);
  }

  int grpcPort() {
    return grpcPort;
  }

  String httpEndpoint() {
    return "http://127.0.0.1:" + httpPort();
  }

  String grpcEndpoint() {
    return "http://127.0.0.1:" + grpcPort;
  }

  /** GETs {@code path} as text. */
  String get(String path) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(httpEndpoint() + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POSTs {@code body}; {@code headers} are name, value pairs. */
  HttpResponse<byte[]> post(String path, byte[] body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(httpEndpoint() + path))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every batch of a signal's WAL, in lane and seq order. */
  List<WalBatch> batches(WalSignal signal) {
    List<WalBatch> batches = new ArrayList<>();
    forEachSegment(signal, segment -> batches.addAll(segment.footer().getBatchesList()));
    return batches;
  }

  /** Every row of a signal's WAL, in lane, seq and row order. */
  List<Record> rows(WalSignal signal) {
    List<Record> rows = new ArrayList<>();
    forEachSegment(signal, segment -> rows.addAll(segment.rows(signal.table().schema())));
    return rows;
  }

  /** The rows of the batches {@code include} accepts. */
  List<Record> rows(WalSignal signal, Predicate<WalBatch> include) {
    List<Record> rows = new ArrayList<>();
    forEachSegment(signal, segment -> rows.addAll(segment.rows(signal.table().schema(), include)));
    return rows;
  }

  /** The number of batches in the WAL, over all signals. */
  long batchCount() {
    long count = 0;
    for (WalSignal signal : WalSignal.values()) {
      count += batches(signal).size();
    }
    return count;
  }

  private void forEachSegment(WalSignal signal, java.util.function.Consumer<WalSegment> action) {
    try (LocalObjectStore store = new LocalObjectStore(root)) {
      WalReader reader = new WalReader(store);
      for (String lane : reader.lanes(signal)) {
        for (SegmentId id : reader.segmentsAfter(signal, lane, -1)) {
          action.accept(reader.read(id));
        }
      }
    }
  }

  @Override
  public void close() {
    context.close();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
