package io.icegate.bench.view;

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
import io.icegate.lake.view.LakeQuery;
import io.icegate.lake.view.LakeView;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Lake-view reads on the local store (a plain main, run by {@code bench/run LakeViewBenchmark}).
 * Side by side in one run, over the same realistic log rows (Loghub bodies):
 *
 * <ul>
 *   <li>the lake view over a lake where {@code walShare} of the rows are still in WAL segments and
 *       the rest in Iceberg data files;
 *   <li>the lake view over a lake where every row is in Iceberg data files;
 *   <li>Iceberg's own generic reader ({@code IcebergGenerics}) over that same all-Iceberg table:
 *       the baseline;
 *   <li>ack → visible: one writer appends 100-row requests of a probe tenant while the shifter
 *       runs; after each acknowledgement a lake-view query for that tenant and the request's time
 *       range (a tail query) runs until the rows show.
 * </ul>
 *
 * Properties: {@code -Drows=100000 -DwalShare=0.2 -Diterations=5 -Dwarmup=2 -Dprobes=100}.
 */
public final class LakeViewBenchmark {
  private static final int REQUEST_ROWS = 1_000;
  private static final TenantId PROBE = new TenantId("probe");

  private LakeViewBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rows = Integer.getInteger("rows", 100_000);
    double walShare = Double.parseDouble(System.getProperty("walShare", "0.2"));
    int iterations = Integer.getInteger("iterations", 5);
    int warmup = Integer.getInteger("warmup", 2);
    int probes = Integer.getInteger("probes", 100);
    Path root = Files.createTempDirectory("icegate-view-bench");
    try {
      Lake mixed = new Lake(root.resolve("mixed"));
      Lake iceberg = new Lake(root.resolve("iceberg"));
      LoghubRows source = new LoghubRows();
      List<LoghubRows.Request> requests = new ArrayList<>();
      for (int i = 0; i < rows / REQUEST_ROWS; i++) {
        requests.add(source.request(REQUEST_ROWS));
      }
      int shifted = (int) Math.round(requests.size() * (1 - walShare));
      mixed.append(requests.subList(0, shifted), 0);
      mixed.shiftAll();
      mixed.append(requests.subList(shifted, requests.size()), shifted);
      iceberg.append(requests, 0);
      iceberg.shiftAll();
      System.out.printf(
          Locale.ROOT,
          "%d rows; mixed lake: %d rows in Iceberg files, %d in WAL segments (%s)%n%n",
          rows,
          (long) shifted * REQUEST_ROWS,
          (long) (requests.size() - shifted) * REQUEST_ROWS,
          mixed.walSummary());

      LakeQuery all = LakeQuery.all(TenantId.DEFAULT, WalSignal.LOGS);
      LakeView mixedView = mixed.view();
      LakeView icebergView = iceberg.view();
      Table table = iceberg.table();
      List<String[]> results = new ArrayList<>();
      results.add(
          measure(
              "lake view: Iceberg files + WAL segments",
              () -> mixedView.read(all).size(),
              warmup,
              iterations));
      results.add(
          measure(
              "lake view: Iceberg files only",
              () -> icebergView.read(all).size(),
              warmup,
              iterations));
      results.add(
          measure(
              "IcebergGenerics: Iceberg files only, rows kept in a list (baseline)",
              () -> readIceberg(table, true),
              warmup,
              iterations));
      results.add(
          measure(
              "IcebergGenerics: Iceberg files only, rows counted while streaming",
              () -> readIceberg(table, false),
              warmup,
              iterations));
      System.out.println("| read | rows | rows/s (median) | ms per read (median) |");
      System.out.println("|---|---|---|---|");
      results.forEach(r -> System.out.println("| " + String.join(" | ", r) + " |"));
      System.out.println();
      long[] latencies = ackToVisible(mixed, source, probes);
      System.out.printf(
          Locale.ROOT,
          "ack → visible (%d probes, shifter running, lake view query for the probe tenant):"
              + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          latencies.length,
          Percentiles.millis(latencies, 0.50),
          Percentiles.millis(latencies, 0.99),
          latencies[latencies.length - 1] / 1e6);
      mixed.close();
      iceberg.close();
    } finally {
      deleteRecursively(root);
    }
  }

  private static String[] measure(String name, LongSupplier read, int warmup, int iterations) {
    long rows = 0;
    for (int i = 0; i < warmup; i++) {
      rows = read.getAsLong();
    }
    long[] nanos = new long[iterations];
    for (int i = 0; i < iterations; i++) {
      long start = System.nanoTime();
      rows = read.getAsLong();
      nanos[i] = System.nanoTime() - start;
    }
    long median = Percentiles.median(nanos);
    return new String[] {
      name,
      Long.toString(rows),
      String.format(Locale.ROOT, "%,.0f", rows / (median / 1e9)),
      String.format(Locale.ROOT, "%.0f", median / 1e6)
    };
  }

  /** Reads every row; {@code keep}: into a list, as the lake view returns them. */
  private static long readIceberg(Table table, boolean keep) {
    long count = 0;
    List<Record> kept = new ArrayList<>();
    try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
      for (Record record : records) {
        count++;
        if (keep) {
          kept.add(record);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keep ? kept.size() : count;
  }

  private static long[] ackToVisible(Lake lake, LoghubRows source, int probes) throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    CompletableFuture<Void> shifting =
        CompletableFuture.runAsync(
            () -> {
              Shifter shifter = lake.shifter();
              while (running.get()) {
                if (shifter.shiftOnce().isEmpty()) {
                  pause(100);
                }
              }
            });
    LakeView view = lake.view();
    long[] latencies = new long[probes];
    try {
      for (int i = 0; i < probes; i++) {
        List<Record> rows = new ArrayList<>();
        for (Record row : source.request(100).rows()) {
          GenericRecord copy = (GenericRecord) row.copy();
          copy.setField("tenant_id", PROBE.value());
          rows.add(copy);
        }
        WalBatchRows batch = new WalBatchRows(String.format("%032x", 1_000_000 + i), PROBE, rows);
        // What a tail query asks for: the tenant's newest rows, by time range.
        LakeQuery probeQuery =
            LakeQuery.all(PROBE, WalSignal.LOGS).between(instant(rows, true), instant(rows, false));
        lake.wal.append(batch, 30_000).join();
        long acked = System.nanoTime();
        while (view.read(probeQuery).size() < rows.size()) {
          // Never taken when the view is right: an acknowledged row is visible at once.
        }
        latencies[i] = System.nanoTime() - acked;
      }
    } finally {
      running.set(false);
      shifting.join();
    }
    Arrays.sort(latencies);
    return latencies;
  }

  /** The first row's time, or just after the last row's (rows are in time order). */
  private static Instant instant(List<Record> rows, boolean first) {
    OffsetDateTime time =
        (OffsetDateTime) rows.get(first ? 0 : rows.size() - 1).getField("timestamp");
    return first ? time.toInstant() : time.toInstant().plusNanos(1_000);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
    }
  }

  /** One lake in a folder: its store, catalog, logs table and WAL writer. */
  private static final class Lake implements AutoCloseable {
    final ObjectStore store;
    final ObjectStoreCatalog catalog;
    final WalWriter wal;

    Lake(Path folder) throws IOException {
      Files.createDirectories(folder);
      this.store = new LocalObjectStore(folder);
      this.catalog = new ObjectStoreCatalog(store, new LakeLocations(folder.toUri().toString()));
      catalog.initialize("bench", Map.of());
      new LakeTableCreator(catalog).createMissing();
      WalWriterSettings settings =
          new WalWriterSettings(
              List.of("lane-0", "lane-1"),
              4L << 20,
              Duration.ofMillis(50),
              Duration.ofSeconds(30),
              256L << 20);
      this.wal = new WalWriter(store, WalSignal.LOGS, settings, lane -> 0, Clock.systemUTC());
    }

    Table table() {
      return catalog.loadTable(LakeTables.logs().identifier());
    }

    LakeView view() {
      return new LakeView(catalog, store, Duration.ofMinutes(15));
    }

    Shifter shifter() {
      return new Shifter(table(), store, WalSignal.LOGS, ShiftSettings.defaults());
    }

    void append(List<LoghubRows.Request> requests, long firstId) {
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      for (int i = 0; i < requests.size(); i++) {
        LoghubRows.Request request = requests.get(i);
        acks.add(wal.append(request.batch(firstId + i), request.inputBytes()));
      }
      acks.forEach(CompletableFuture::join);
    }

    void shiftAll() {
      Shifter shifter = shifter();
      while (shifter.shiftOnce().isPresent()) {
        // Until nothing is left to shift.
      }
    }

    String walSummary() {
      try (var objects = store.list("wal/logs/")) {
        List<Long> sizes =
            objects.filter(o -> o.key().endsWith(".parquet")).map(o -> o.size()).toList();
        return sizes.size()
            + " segments, "
            + sizes.stream().mapToLong(Long::longValue).sum() / 1024
            + " KiB in all, shifted ones included";
      }
    }

    @Override
    public void close() {
      wal.close();
    }
  }
}
