package io.icegate.bench.query;

import io.icegate.ingest.shift.PartitionedFileWriter;
import io.icegate.ingest.shift.ShiftSettings;
import io.icegate.ingest.shift.Shifter;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;

/**
 * Writes a day of logs ({@link DayOfLogs}: {@code --services} services, loghub bodies, severities,
 * trace ids, attributes) into an IceGate lake in a folder, once; later runs reuse it. Shared by the
 * SQL and the Loki benchmarks.
 *
 * <p>Most rows go through the shifter's write path ({@link PartitionedFileWriter}: the same Iceberg
 * writer, partitioning and sort order as a shift cycle, one append per chunk of {@code
 * --chunk-rows}); the last {@code --wal-rows} go through the real WAL writer and {@link Shifter}.
 * OTLP ingest (~6k rows/s here) would take hours for 50 million rows; see docs/decisions.md, issue
 * 9.
 *
 * <pre>
 * bench/run LogDayGenerator --dir=/tmp/icegate-logs-50m --rows=50000000 [--services=100]
 *     [--chunk-rows=1000000] [--wal-rows=100000] [--threads=2] [--day=2026-11-24]
 * </pre>
 */
public final class LogDayGenerator {
  public static final String DATASET_FILE = "icegate-dataset.properties";
  private static final int REQUEST_ROWS = 1000;

  private LogDayGenerator() {}

  /** A generated lake: where, what, and a trace id from the middle of the day. */
  public record Dataset(Path dir, long rows, int services, Instant day, String traceIdHex) {
    public LakeLocations locations() {
      return new LakeLocations("file:" + dir.toAbsolutePath().normalize());
    }
  }

  /** The generator's settings; see the class comment for the flags. */
  public record Settings(
      Path dir, long rows, int services, int chunkRows, long walRows, int threads, Instant day) {
    static Settings parse(String[] args) {
      Map<String, String> flags = new java.util.HashMap<>();
      for (String arg : args) {
        if (!arg.startsWith("--") || !arg.contains("=")) {
          throw new IllegalArgumentException("Invalid flag (expected --name=value): " + arg);
        }
        flags.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
      }
      long rows = Long.parseLong(flags.getOrDefault("rows", "1000000"));
      return new Settings(
          Path.of(flags.getOrDefault("dir", "/tmp/icegate-logs-" + rows)),
          rows,
          Integer.parseInt(flags.getOrDefault("services", "100")),
          Integer.parseInt(flags.getOrDefault("chunk-rows", "1000000")),
          Long.parseLong(flags.getOrDefault("wal-rows", Long.toString(Math.min(rows, 100_000)))),
          Integer.parseInt(flags.getOrDefault("threads", "2")),
          Instant.parse(flags.getOrDefault("day", "2026-11-24") + "T00:00:00Z"));
    }
  }

  public static void main(String[] args) throws Exception {
    Dataset dataset = openOrGenerate(Settings.parse(args));
    System.out.printf(
        "dataset: %s, %,d rows, %d services, trace id %s%n",
        dataset.dir(), dataset.rows(), dataset.services(), dataset.traceIdHex());
  }

  /** The dataset in {@code settings.dir()}, generated first if it is not there yet. */
  public static Dataset openOrGenerate(Settings settings) throws Exception {
    Path marker = settings.dir().resolve(DATASET_FILE);
    if (Files.exists(marker)) {
      Dataset existing = read(settings.dir());
      if (existing.rows() != settings.rows() || existing.services() != settings.services()) {
        throw new IllegalStateException(
            "Cannot reuse "
                + settings.dir()
                + ": it holds "
                + existing.rows()
                + " rows of "
                + existing.services()
                + " services; choose another --dir");
      }
      return existing;
    }
    if (Files.exists(settings.dir())) {
      try (var entries = Files.list(settings.dir())) {
        if (entries.findAny().isPresent()) {
          throw new IllegalStateException(
              "Cannot generate into " + settings.dir() + ": not empty and no " + DATASET_FILE);
        }
      }
    }
    Files.createDirectories(settings.dir());
    return generate(settings);
  }

  private static Dataset generate(Settings settings) throws Exception {
    long start = System.nanoTime();
    DayOfLogs day = new DayOfLogs(settings.day(), settings.rows(), settings.services());
    Dataset dataset;
    try (ObjectStore store = new LocalObjectStore(settings.dir())) {
      LakeLocations locations =
          new LakeLocations("file:" + settings.dir().toAbsolutePath().normalize());
      ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, locations);
      catalog.initialize("icegate", Map.of());
      new LakeTableCreator(catalog).createMissing();
      Table table = catalog.loadTable(LakeTables.logs().identifier());
      long bulk = settings.rows() - settings.walRows();
      writeBulk(table, day, bulk, settings);
      long bulkNanos = System.nanoTime() - start;
      long walStart = System.nanoTime();
      appendToWal(store, day);
      long shifted = shift(store, catalog);
      System.out.printf(
          "generated %,d rows: %,d by the shifter's write path in %.1f s (%,.0f rows/s), %,d"
              + " through WAL + shifter in %.1f s%n",
          settings.rows(),
          bulk,
          bulkNanos / 1e9,
          bulk / (bulkNanos / 1e9),
          shifted,
          (System.nanoTime() - walStart) / 1e9);
      dataset =
          new Dataset(
              settings.dir(),
              settings.rows(),
              settings.services(),
              settings.day(),
              HexFormat.of().formatHex(day.someTraceId().orElseThrow()));
    }
    write(dataset);
    return dataset;
  }

  /** Chunks of the day, each written like one shift cycle, at most {@code threads} at a time. */
  private static void writeBulk(Table table, DayOfLogs day, long rows, Settings settings)
      throws Exception {
    ExecutorService writers = Executors.newFixedThreadPool(settings.threads());
    try {
      ArrayDeque<Future<List<DataFile>>> pending = new ArrayDeque<>();
      long written = 0;
      while (written < rows) {
        int size = (int) Math.min(settings.chunkRows(), rows - written);
        List<Record> chunk = new ArrayList<>(size);
        while (chunk.size() < size) {
          chunk.addAll(day.next(Math.min(REQUEST_ROWS, size - chunk.size())));
        }
        written += size;
        pending.add(
            writers.submit(
                () ->
                    new PartitionedFileWriter(table, ShiftSettings.DEFAULT_TARGET_FILE_SIZE_BYTES)
                        .write(chunk)));
        while (pending.size() > settings.threads()) {
          commit(table, pending.poll().get());
        }
        System.out.printf("  %,d rows written%n", written);
      }
      while (!pending.isEmpty()) {
        commit(table, pending.poll().get());
      }
    } finally {
      writers.shutdownNow();
    }
  }

  private static void commit(Table table, List<DataFile> files) {
    AppendFiles append = table.newAppend();
    files.forEach(append::appendFile);
    append.commit();
  }

  private static void appendToWal(ObjectStore store, DayOfLogs day) {
    WalWriterSettings settings =
        new WalWriterSettings(
            List.of("bench-0"),
            4L << 20,
            Duration.ofMillis(200),
            Duration.ofMinutes(5),
            256L << 20);
    try (WalWriter wal =
        new WalWriter(store, WalSignal.LOGS, settings, lane -> 0, Clock.systemUTC())) {
      ArrayDeque<CompletableFuture<Void>> window = new ArrayDeque<>();
      long id = 0;
      for (List<Record> batch = day.next(REQUEST_ROWS);
          !batch.isEmpty();
          batch = day.next(REQUEST_ROWS)) {
        WalBatchRows rows = new WalBatchRows(String.format("%032x", ++id), TenantId.DEFAULT, batch);
        window.add(wal.append(rows, 285L * batch.size()));
        while (window.size() > 256) {
          window.poll().join();
        }
      }
      window.forEach(CompletableFuture::join);
    }
  }

  private static long shift(ObjectStore store, ObjectStoreCatalog catalog) {
    long shifted = 0;
    while (true) {
      var result =
          new Shifter(
                  catalog.loadTable(LakeTables.logs().identifier()),
                  store,
                  WalSignal.LOGS,
                  ShiftSettings.defaults())
              .shiftOnce();
      if (result.isEmpty()) {
        return shifted;
      }
      shifted += result.get().rows();
    }
  }

  private static void write(Dataset dataset) {
    Properties properties = new Properties();
    properties.setProperty("rows", Long.toString(dataset.rows()));
    properties.setProperty("services", Integer.toString(dataset.services()));
    properties.setProperty("day", dataset.day().toString());
    properties.setProperty("trace-id", dataset.traceIdHex());
    try (Writer out = Files.newBufferedWriter(dataset.dir().resolve(DATASET_FILE))) {
      properties.store(out, "IceGate benchmark dataset (LogDayGenerator)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Dataset read(Path dir) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(dir.resolve(DATASET_FILE))) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Dataset(
        dir,
        Long.parseLong(properties.getProperty("rows")),
        Integer.parseInt(properties.getProperty("services")),
        Instant.parse(properties.getProperty("day")),
        properties.getProperty("trace-id"));
  }
}
