package io.icegate.bench.catalog;

import io.icegate.bench.Percentiles;
import io.icegate.catalog.CatalogApplication;
import io.icegate.lake.runtime.ServiceRuntime;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.rest.RESTCatalog;
import org.apache.iceberg.rest.ReferenceRestServer;
import org.apache.iceberg.types.Types;

/**
 * REST {@code loadTable} and commit latency of catalog-service (local store) next to Iceberg's
 * reference REST server (JdbcCatalog on a SQLite file), in one run, through Iceberg's own {@link
 * RESTCatalog} client: 1 and 16 concurrent clients, each with its own client instance. {@code
 * load}: every client loads the same table (10 snapshots) again and again. {@code commit}: every
 * client appends one data file per commit to its own table, so commits never conflict. Both servers
 * run in this JVM, one after the other.
 *
 * <p>System properties: {@code clients} (default {@code 1,16}), {@code warmup} and {@code seconds}
 * per case (default 3 and 10). Prints a Markdown table.
 */
public final class RestCatalogBenchmark {
  private static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));

  private RestCatalogBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] clientCounts =
        Arrays.stream(System.getProperty("clients", "1,16").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    long warmup = Long.getLong("warmup", 3);
    long seconds = Long.getLong("seconds", 10);
    List<String> rows = new ArrayList<>();
    Path folder = Files.createTempDirectory("icegate-rest-bench-");

    ApplicationContext service =
        CatalogApplication.start(
            Map.of(
                "micronaut.server.port",
                -1,
                "icegate.storage.type",
                "local",
                "icegate.storage.root",
                folder.resolve("icegate").toString()));
    try {
      String uri = "http://127.0.0.1:" + ServiceRuntime.httpPort(service);
      rows.addAll(runAll("catalog-service (local store)", uri, clientCounts, warmup, seconds));
    } finally {
      service.close();
    }
    try (ReferenceRestServer reference =
        ReferenceRestServer.start(Files.createDirectories(folder.resolve("reference")))) {
      rows.addAll(
          runAll(
              "Iceberg RESTCatalogServer (JDBC/SQLite)",
              reference.uri(),
              clientCounts,
              warmup,
              seconds));
    }

    System.out.println();
    System.out.println("| server | operation | clients | p50 ms | p99 ms | ops/s | failed |");
    System.out.println("|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    System.exit(0);
  }

  private static List<String> runAll(
      String server, String uri, int[] clientCounts, long warmup, long seconds) throws Exception {
    List<String> rows = new ArrayList<>();
    for (String operation : List.of("load", "commit")) {
      for (int clients : clientCounts) {
        Latencies result = run(uri, operation, clients, warmup, seconds);
        String row =
            "| %s | %s | %d | %.2f | %.2f | %.0f | %d |"
                .formatted(
                    server,
                    operation,
                    clients,
                    result.percentileMillis(0.50),
                    result.percentileMillis(0.99),
                    result.count() / (double) seconds,
                    result.failures());
        System.out.println(row);
        rows.add(row);
      }
    }
    return rows;
  }

  private static Latencies run(String uri, String operation, int clients, long warmup, long seconds)
      throws Exception {
    List<RESTCatalog> catalogs = new ArrayList<>();
    try {
      for (int c = 0; c < clients; c++) {
        RESTCatalog catalog = new RESTCatalog();
        catalog.initialize("bench-" + c, Map.of(CatalogProperties.URI, uri));
        catalogs.add(catalog);
      }
      Namespace namespace = Namespace.of("bench_" + operation + "_" + clients);
      catalogs.get(0).createNamespace(namespace);
      List<Operation> operations = new ArrayList<>();
      if (operation.equals("load")) {
        TableIdentifier shared = TableIdentifier.of(namespace, "shared");
        Table table = catalogs.get(0).createTable(shared, SCHEMA);
        for (int i = 0; i < 10; i++) {
          table.newFastAppend().appendFile(dataFile(table, i)).commit();
        }
        for (RESTCatalog catalog : catalogs) {
          operations.add(i -> catalog.loadTable(shared));
        }
      } else {
        for (int c = 0; c < clients; c++) {
          Table table = catalogs.get(c).createTable(TableIdentifier.of(namespace, "t" + c), SCHEMA);
          operations.add(i -> table.newFastAppend().appendFile(dataFile(table, i)).commit());
        }
      }
      drive(operations, warmup);
      return drive(operations, seconds);
    } finally {
      for (RESTCatalog catalog : catalogs) {
        catalog.close();
      }
    }
  }

  @FunctionalInterface
  private interface Operation {
    void run(long i);
  }

  /** Every client runs its operation until {@code seconds} pass. */
  private static Latencies drive(List<Operation> operations, long seconds) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(operations.size());
    AtomicBoolean stop = new AtomicBoolean();
    long[] failures = new long[operations.size()];
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      for (int c = 0; c < operations.size(); c++) {
        Operation operation = operations.get(c);
        int client = c;
        futures.add(pool.submit(() -> runUntil(operation, stop, failures, client)));
      }
      TimeUnit.SECONDS.sleep(seconds);
      stop.set(true);
      List<long[]> all = new ArrayList<>();
      for (Future<long[]> future : futures) {
        all.add(future.get(10, TimeUnit.MINUTES));
      }
      long[] sorted = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
      return new Latencies(sorted, Arrays.stream(failures).sum());
    } finally {
      pool.shutdownNow();
    }
  }

  private static long[] runUntil(
      Operation operation, AtomicBoolean stop, long[] failures, int client) {
    long[] latencies = new long[1024];
    int count = 0;
    for (long i = 1_000; !stop.get(); i++) {
      long begin = System.nanoTime();
      try {
        operation.run(i);
      } catch (RuntimeException e) {
        failures[client]++;
        continue;
      }
      if (stop.get()) {
        break; // finished after the window closed: not counted
      }
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = System.nanoTime() - begin;
    }
    return Arrays.copyOf(latencies, count);
  }

  private static org.apache.iceberg.DataFile dataFile(Table table, long i) {
    return DataFiles.builder(PartitionSpec.unpartitioned())
        .withPath(table.location() + "/data/f" + i + ".parquet")
        .withFileSizeInBytes(1000)
        .withRecordCount(10)
        .build();
  }

  private record Latencies(long[] sortedNanos, long failures) {
    int count() {
      return sortedNanos.length;
    }

    double percentileMillis(double p) {
      return Percentiles.millis(sortedNanos, p);
    }
  }
}
