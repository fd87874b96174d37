package io.icegate.bench.shift;

import io.icegate.bench.Percentiles;
import io.icegate.bench.wal.LoghubRows;
import io.icegate.ingest.shift.ShiftSettings;
import io.icegate.ingest.shift.Shifter;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalBatchIndex;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.util.JsonUtil;

/**
 * The shifter (issue 7) on the local store, a plain main printing Markdown:
 *
 * <ol>
 *   <li><b>Throughput</b>: {@code -Drows} (default 100,000) realistic log rows in 1,000-row
 *       requests of 4 tenants are appended to the WAL, then shifted to Iceberg (read segments,
 *       dedup, sort per partition, write, commit) and timed; beside it a plain Iceberg append of
 *       the same rows, in memory, with Iceberg's generic Parquet writer (no WAL, no sort, no dedup,
 *       no offsets). Output files per partition of both.
 *   <li><b>Ack → visible</b>: 4 clients append a 100-row request every 50 ms for {@code -Dseconds}
 *       (default 15) through a WAL writer with default group commit (200 ms), while a shifter runs
 *       cycle after cycle with {@code -DpauseMs} (default 1000, the byte trigger's check interval)
 *       between them; per request the time from its acknowledgement to the return of the commit
 *       that made it visible. Beside it, the same requests committed one by one as plain Iceberg
 *       appends (4 writers), where acknowledgement is visibility.
 * </ol>
 */
public final class ShiftBenchmark {
  private static final int TENANTS = 4;

  private ShiftBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("rows", 100_000);
    int seconds = Integer.getInteger("seconds", 15);
    long pauseMs = Long.getLong("pauseMs", 1_000);
    LoghubRows source = new LoghubRows();
    Path root = Files.createTempDirectory("icegate-shift-bench");
    System.out.printf(
        "## Shifter benchmark: %,d rows, %d s latency run, %d ms between cycles%n%n",
        rows, seconds, pauseMs);
    // Warm-up (not printed): both paths once on a tenth of the rows, so neither is timed cold.
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream()));
    throughput(source, root.resolve("warm-up"), Math.max(1_000, rows / 10));
    System.setOut(out);
    throughput(source, root.resolve("throughput"), rows);
    latency(source, root.resolve("latency"), seconds, pauseMs);
  }

  private static void throughput(LoghubRows source, Path folder, int rows) throws Exception {
    List<WalBatchRows> batches = new ArrayList<>();
    for (int n = 0; batches.size() * 1_000 < rows; n++) {
      batches.add(tenantBatch(source.request(1_000).rows(), n));
    }
    Lake shifted = Lake.open(folder.resolve("shifted"));
    // Loading the WAL is not measured: everything is queued at once, so no ack deadline applies.
    WalWriterSettings loading =
        new WalWriterSettings(
            List.of("bench-0"),
            WalWriterSettings.DEFAULT_FLUSH_BYTES,
            WalWriterSettings.DEFAULT_FLUSH_INTERVAL,
            Duration.ofMinutes(10),
            1L << 30);
    try (WalWriter wal = shifted.wal(loading)) {
      var acks = batches.stream().map(batch -> wal.append(batch, 300_000)).toList();
      acks.forEach(java.util.concurrent.CompletableFuture::join);
    }
    long start = System.nanoTime();
    Shifter shifter = shifted.shifter();
    long shiftedRows = 0;
    for (var result = shifter.shiftOnce(); result.isPresent(); result = shifter.shiftOnce()) {
      shiftedRows += result.get().rows();
    }
    double shiftSeconds = (System.nanoTime() - start) / 1e9;

    Lake plain = Lake.open(folder.resolve("plain"));
    List<Record> all = batches.stream().flatMap(b -> b.rows().stream()).toList();
    start = System.nanoTime();
    PlainAppend.append(plain.table(), all);
    double plainSeconds = (System.nanoTime() - start) / 1e9;

    System.out.println("### Throughput (one thread)\n");
    System.out.println("| path | rows | seconds | rows/s |");
    System.out.println("|---|---:|---:|---:|");
    System.out.printf(
        "| shifter: WAL → Iceberg (read, dedup, sort, write, commit) | %,d | %.2f | %,.0f |%n",
        shiftedRows, shiftSeconds, shiftedRows / shiftSeconds);
    System.out.printf(
        "| plain Iceberg append from memory (generic Parquet writer, unsorted) | %,d | %.2f |"
            + " %,.0f |%n%n",
        all.size(), plainSeconds, all.size() / plainSeconds);
    System.out.println("### Output data files per partition\n");
    System.out.println("| path | partition | files | rows | MiB per file (min / avg / max) |");
    System.out.println("|---|---|---:|---:|---|");
    FileStats.print("shifter", shifted.table());
    FileStats.print("plain append", plain.table());
    System.out.println();
  }

  private static void latency(LoghubRows source, Path folder, int seconds, long pauseMs)
      throws Exception {
    Lake lake = Lake.open(folder.resolve("shifted"));
    Map<String, Long> ackedNanos = new ConcurrentHashMap<>();
    List<Long> visibleAfter = new CopyOnWriteArrayList<>();
    AtomicBoolean running = new AtomicBoolean(true);
    Thread shifting =
        new Thread(() -> shiftLoop(lake, ackedNanos, visibleAfter, running, pauseMs), "shifter");
    shifting.start();
    AtomicLong ids = new AtomicLong();
    List<List<Record>> requests = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      requests.add(source.request(100).rows());
    }
    try (WalWriter wal = lake.wal(WalWriterSettings.defaults(List.of("bench-0")))) {
      runClients(
          seconds,
          () -> {
            long id = ids.incrementAndGet();
            WalBatchRows batch = tenantBatch(requests.get((int) (id % requests.size())), id);
            wal.append(batch, 30_000).join();
            ackedNanos.put(batch.batchId(), System.nanoTime());
          });
    }
    running.set(false);
    shifting.join();

    Lake plain = Lake.open(folder.resolve("plain"));
    List<Long> plainCommit = new CopyOnWriteArrayList<>();
    AtomicLong plainIds = new AtomicLong();
    runClients(
        seconds,
        () -> {
          long id = plainIds.incrementAndGet();
          List<Record> rows = requests.get((int) (id % requests.size()));
          long begin = System.nanoTime();
          PlainAppend.append(plain.table(), rows);
          plainCommit.add(System.nanoTime() - begin);
        });

    System.out.println("### Acknowledged → visible in Iceberg (4 clients, 100-row requests)\n");
    System.out.println("| path | requests | p50 ms | p99 ms | max ms |");
    System.out.println("|---|---:|---:|---:|---:|");
    printLatencies(
        "WAL ack → shift commit returned (" + pauseMs + " ms between cycles)", visibleAfter);
    printLatencies("plain Iceberg append per request (ack = commit)", plainCommit);
    System.out.printf(
        "%nNot yet visible at the end (acknowledged after the last cycle): %d of %d%n",
        ackedNanos.size() - visibleAfter.size(), ackedNanos.size());
  }

  private static void shiftLoop(
      Lake lake,
      Map<String, Long> ackedNanos,
      List<Long> visibleAfter,
      AtomicBoolean running,
      long pauseMs) {
    Shifter shifter = lake.shifter();
    Table table = lake.table();
    while (running.get()) {
      if (shifter.shiftOnce().isPresent()) {
        long visible = System.nanoTime();
        table.refresh();
        String index = table.currentSnapshot().summary().get(WalBatchIndex.SUMMARY_KEY);
        try {
          for (var id : JsonUtil.mapper().readTree(lake.store.get(index))) {
            Long acked = ackedNanos.get(id.asText());
            // A request whose ack was not yet recorded raced its own commit: count it as 0.
            visibleAfter.add(acked == null ? 0 : Math.max(0, visible - acked));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      try {
        Thread.sleep(pauseMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** 4 clients, each running {@code request} every 50 ms for {@code seconds}. */
  private static void runClients(int seconds, Runnable request) throws InterruptedException {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    for (int c = 0; c < 4; c++) {
      clients.submit(
          () -> {
            while (System.nanoTime() < end) {
              long next = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
              request.run();
              long wait = next - System.nanoTime();
              if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
              }
            }
            return null;
          });
    }
    clients.shutdown();
    clients.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
  }

  /** The request's rows, assigned to one of {@value #TENANTS} tenants, under batch id {@code n}. */
  private static WalBatchRows tenantBatch(List<Record> rows, long n) {
    String tenant = "tenant-" + n % TENANTS;
    List<Record> copies = new ArrayList<>(rows.size());
    for (Record row : rows) {
      Record copy = row.copy();
      copy.setField("tenant_id", tenant);
      copies.add(copy);
    }
    return new WalBatchRows(String.format("%032x", n), new TenantId(tenant), copies);
  }

  /** A local lake: store, catalog with the signal tables, WAL writer and shifter. */
  private record Lake(ObjectStore store, ObjectStoreCatalog catalog) {
    static Lake open(Path folder) throws IOException {
      Files.createDirectories(folder);
      ObjectStore store = new LocalObjectStore(folder);
      ObjectStoreCatalog catalog =
          new ObjectStoreCatalog(store, new LakeLocations("file:" + folder.toAbsolutePath()));
      catalog.initialize("bench", Map.of());
      new LakeTableCreator(catalog).createMissing();
      return new Lake(store, catalog);
    }

    Table table() {
      return catalog.loadTable(LakeTables.logs().identifier());
    }

    WalWriter wal(WalWriterSettings settings) {
      return new WalWriter(store, WalSignal.LOGS, settings, lane -> 0, Clock.systemUTC());
    }

    Shifter shifter() {
      return new Shifter(table(), store, WalSignal.LOGS, ShiftSettings.defaults());
    }
  }

  /** p50 / p99 / max of durations in nanoseconds, as a Markdown table row in milliseconds. */
  private static void printLatencies(String path, List<Long> nanos) {
    long[] sorted = Percentiles.sorted(nanos);
    if (sorted.length == 0) {
      System.out.printf("| %s | 0 | - | - | - |%n", path);
      return;
    }
    System.out.printf(
        "| %s | %,d | %.0f | %.0f | %.0f |%n",
        path,
        sorted.length,
        Percentiles.millis(sorted, 0.50),
        Percentiles.millis(sorted, 0.99),
        Percentiles.millis(sorted, 1.0));
  }
}
