package io.icegate.bench.catalog;

import io.icegate.bench.Percentiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;

/**
 * Commit latency and throughput of the object-store catalog (local folder, S3Proxy) next to
 * Iceberg's JdbcCatalog on SQLite: 1, 4 and 16 writers, each appending one data file per commit to
 * its own table (the catalog serialises them; tables never conflict), in one run.
 *
 * <p>System properties: {@code backends} (default {@code local,s3proxy,jdbc-sqlite}), {@code
 * writers} (default {@code 1,4,16}), {@code warmup} and {@code seconds} per case (default 3 and
 * 10). Prints a Markdown table.
 */
public final class CatalogCommitBenchmark {
  private static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));

  private CatalogCommitBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> backends =
        List.of(System.getProperty("backends", "local,s3proxy,jdbc-sqlite").split(","));
    int[] writerCounts =
        Arrays.stream(System.getProperty("writers", "1,4,16").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    long warmup = Long.getLong("warmup", 3);
    long seconds = Long.getLong("seconds", 10);
    List<String> rows = new ArrayList<>();
    for (String name : backends) {
      try (CatalogBackend backend = CatalogBackend.open(name)) {
        for (int writers : writerCounts) {
          Result result = run(backend, writers, warmup, seconds);
          String row =
              "| %s | %d | %.1f | %.1f | %.1f | %d | %d |"
                  .formatted(
                      name,
                      writers,
                      result.p50Millis(),
                      result.p99Millis(),
                      result.commitsPerSecond(),
                      result.commits(),
                      result.failures());
          System.out.println(row);
          rows.add(row);
        }
      }
    }
    System.out.println();
    System.out.println("| catalog | writers | p50 ms | p99 ms | commits/s | commits | failed |");
    System.out.println("|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    System.exit(0);
  }

  record Result(long[] latenciesNanos, double seconds, long failures) {
    long commits() {
      return latenciesNanos.length;
    }

    double p50Millis() {
      return Percentiles.millis(latenciesNanos, 0.50);
    }

    double p99Millis() {
      return Percentiles.millis(latenciesNanos, 0.99);
    }

    double commitsPerSecond() {
      return commits() / seconds;
    }
  }

  private static Result run(CatalogBackend backend, int writers, long warmup, long seconds)
      throws Exception {
    Namespace namespace = Namespace.of("bench_w" + writers);
    backend.namespaces().createNamespace(namespace);
    List<Table> tables = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      tables.add(backend.catalog().createTable(TableIdentifier.of(namespace, "t" + w), SCHEMA));
    }
    drive(tables, warmup, new ArrayList<>());
    List<long[]> perWriter = new ArrayList<>();
    long failures = drive(tables, seconds, perWriter);
    // Only commits that finished inside the window count, so the window is the denominator.
    long[] all = perWriter.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    return new Result(all, seconds, failures);
  }

  /** Every writer commits to its table until {@code seconds} pass; returns the failures. */
  private static long drive(List<Table> tables, long seconds, List<long[]> latencies)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tables.size());
    AtomicBoolean stop = new AtomicBoolean();
    try {
      List<Future<long[]>> futures = new ArrayList<>();
      long[] failures = new long[tables.size()];
      for (int w = 0; w < tables.size(); w++) {
        Table table = tables.get(w);
        int writer = w;
        futures.add(pool.submit(() -> commitUntil(table, stop, failures, writer)));
      }
      TimeUnit.SECONDS.sleep(seconds);
      stop.set(true);
      for (Future<long[]> future : futures) {
        latencies.add(future.get(10, TimeUnit.MINUTES));
      }
      return Arrays.stream(failures).sum();
    } finally {
      pool.shutdownNow();
    }
  }

  private static long[] commitUntil(Table table, AtomicBoolean stop, long[] failures, int writer) {
    long[] latencies = new long[1024];
    int count = 0;
    for (long i = 0; !stop.get(); i++) {
      long begin = System.nanoTime();
      try {
        table.newFastAppend().appendFile(dataFile(table, i)).commit();
      } catch (RuntimeException e) {
        failures[writer]++;
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

  private static DataFile dataFile(Table table, long i) {
    return DataFiles.builder(PartitionSpec.unpartitioned())
        .withPath(table.location() + "/data/f" + i + ".parquet")
        .withFileSizeInBytes(1000)
        .withRecordCount(10)
        .build();
  }
}
