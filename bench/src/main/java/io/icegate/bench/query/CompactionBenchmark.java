package io.icegate.bench.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.icegate.ingest.shift.PartitionedFileWriter;
import io.icegate.ingest.shift.ShiftSettings;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.maintain.compaction.CompactionJob;
import io.icegate.maintain.compaction.CompactionSettings;
import io.icegate.maintain.job.JobReport;
import io.icegate.maintain.manifest.ManifestRewriteJob;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.engine.QueryLimits;
import io.icegate.query.sql.SqlEngine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Issue 25's benchmark, a plain main: {@code -Drows} log rows of loghub bodies (DayOfLogs) shifted
 * in {@code -Dcommits} small commits through the shifter's write path (sorted files per partition,
 * one merging append each, as a shift cycle), then the compaction job and the manifest-rewrite job
 * of maintain-service. Prints file and manifest counts, stored bytes per record against the
 * records' OTLP protobuf size, compaction throughput (rows/s, CPU-s per million rows), and the SQL
 * and LogQL benchmark queries before and after.
 *
 * <pre>
 * bench/run CompactionBenchmark [-Drows=10000000 -Dcommits=1000 -Dservices=100 -Dreps=3
 *     -Ddir=/tmp/icegate-compaction-ROWS]
 * </pre>
 */
public final class CompactionBenchmark {
  private static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private CompactionBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("rows", 10_000_000);
    int commits = Integer.getInteger("commits", 1000);
    int services = Integer.getInteger("services", 100);
    int reps = Integer.getInteger("reps", 3);
    Path dir = Path.of(System.getProperty("dir", "/tmp/icegate-compaction-" + rows));
    deleteRecursively(dir);
    Files.createDirectories(dir);
    LakeLocations locations = new LakeLocations("file:" + dir.toAbsolutePath().normalize());
    try (ObjectStore store = new LocalObjectStore(dir)) {
      ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, locations);
      catalog.initialize("icegate", Map.of());
      new LakeTableCreator(catalog).createMissing();
      Table table = catalog.loadTable(LakeTables.logs().identifier());

      DayOfLogs day = new DayOfLogs(DAY, rows, services);
      long started = System.nanoTime();
      fill(table, day, rows, commits);
      double fillSeconds = (System.nanoTime() - started) / 1e9;
      double otlpPerRecord = (double) day.otlpBytes() / rows;
      System.out.printf(
          "%,d log rows (%d services, one day) in %,d commits of %,d rows, written in %.0f s;"
              + " OTLP protobuf %.1f B/record%n%n",
          rows, services, commits, rows / commits, fillSeconds, otlpPerRecord);

      Stats before = Stats.of(table, rows);
      List<String> beforeTimes = queries(store, locations, reps);

      long cpu0 = processCpuNanos();
      long wall0 = System.nanoTime();
      JobReport compaction =
          new CompactionJob(
                  catalog, CompactionSettings.of(null, null, Long.MAX_VALUE, Duration.ofHours(12)))
              .run(false);
      double compactSeconds = (System.nanoTime() - wall0) / 1e9;
      double compactCpu = (processCpuNanos() - cpu0) / 1e9;
      JobReport manifests = new ManifestRewriteJob(catalog, 100).run(false);
      table.refresh();
      Stats after = Stats.of(table, rows);
      List<String> afterTimes = queries(store, locations, reps);

      long rewritten = compaction.counts().getOrDefault("compaction.rewritten.rows", 0L);
      System.out.println("| | before compaction | after |");
      System.out.println("|---|---:|---:|");
      System.out.printf("| data files | %,d | %,d |%n", before.files(), after.files());
      System.out.printf("| data manifests | %,d | %,d |%n", before.manifests(), after.manifests());
      System.out.printf(
          "| stored data bytes | %,d | %,d |%n", before.dataBytes(), after.dataBytes());
      System.out.printf(
          "| stored bytes per record | %.1f | %.1f |%n",
          before.bytesPerRecord(), after.bytesPerRecord());
      System.out.printf(
          "| OTLP protobuf bytes / stored bytes | %.1f | %.1f |%n",
          otlpPerRecord / before.bytesPerRecord(), otlpPerRecord / after.bytesPerRecord());
      System.out.printf(
          "| planning a full scan (ms) | %.1f | %.1f |%n", before.planMillis(), after.planMillis());
      for (int i = 0; i < beforeTimes.size(); i++) {
        String[] b = beforeTimes.get(i).split("\t");
        String[] a = afterTimes.get(i).split("\t");
        System.out.printf("| %s (ms) | %s | %s |%n", b[0], b[1], a[1]);
      }
      System.out.printf(
          "%ncompaction: %,d rows rewritten in %.1f s wall, %.1f s CPU: %,.0f rows/s, %.1f CPU-s"
              + " per million rows; %s%n",
          rewritten,
          compactSeconds,
          compactCpu,
          rewritten / compactSeconds,
          compactCpu / (rewritten / 1e6),
          compaction.actions().isEmpty() ? "nothing to do" : compaction.actions().get(0));
      System.out.println(
          "manifest rewrite: "
              + (manifests.actions().isEmpty()
                  ? "below the threshold of 100"
                  : manifests.actions().get(0)));
    }
  }

  /** {@code commits} appends of sorted small files, as that many shift cycles would commit. */
  private static void fill(Table table, DayOfLogs day, long rows, int commits) {
    PartitionedFileWriter writer =
        new PartitionedFileWriter(table, ShiftSettings.DEFAULT_TARGET_FILE_SIZE_BYTES);
    long perCommit = rows / commits;
    for (int c = 0; c < commits; c++) {
      long size = c == commits - 1 ? rows - perCommit * (commits - 1) : perCommit;
      List<Record> chunk = new ArrayList<>((int) size);
      while (chunk.size() < size) {
        chunk.addAll(day.next((int) Math.min(1000, size - chunk.size())));
      }
      AppendFiles append = table.newAppend();
      writer.write(chunk).forEach(append::appendFile);
      append.commit();
    }
    table.refresh();
  }

  /** Each benchmark query's name and median time (ms), tab-separated. */
  private static List<String> queries(ObjectStore store, LakeLocations locations, int reps)
      throws Exception {
    QueryLimits limits =
        new QueryLimits(
            Duration.ofMinutes(30), Long.MAX_VALUE, Long.MAX_VALUE, 1_000_000L, 1L << 30);
    List<String> times = new ArrayList<>();
    try (LakeScanner scanner =
            new LakeScanner(store, locations, "icegate", Map.of(), Duration.ofMinutes(15));
        SqlEngine engine = new SqlEngine(scanner, limits)) {
      for (QueryBenchmark.Query query :
          QueryBenchmark.queries("00000000000000000000000000000000")) {
        times.add(
            "SQL "
                + query.name()
                + "\t"
                + median(reps, () -> engine.execute(TenantId.DEFAULT, query.icegate())));
      }
      LokiQueryRange loki = new LokiQueryRange(scanner, limits);
      LokiQueries logql =
          new LokiQueries(
              DAY.plus(Duration.ofHours(12)),
              DAY.plus(Duration.ofHours(13)),
              "service-042",
              "failed");
      for (LokiQueries.Query query : logql.all().subList(0, 4)) {
        times.add(
            "LogQL `"
                + query.logql()
                + "` 12:00-13:00\t"
                + median(
                    reps, () -> JSON.readTree(loki.run(TenantId.DEFAULT, query.params()).json())));
      }
    }
    return times;
  }

  private interface Call {
    Object run() throws Exception;
  }

  private static String median(int reps, Call call) throws Exception {
    call.run(); // warm-up
    long[] times = new long[reps];
    for (int i = 0; i < reps; i++) {
      long start = System.nanoTime();
      call.run();
      times[i] = System.nanoTime() - start;
    }
    return String.format("%,.0f", QueryBenchmark.median(times) / 1e6);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private record Stats(
      long files, int manifests, long dataBytes, double bytesPerRecord, double planMillis) {
    static Stats of(Table table, long rows) throws IOException {
      long start = System.nanoTime();
      long files = 0;
      long bytes = 0;
      try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
        for (FileScanTask task : tasks) {
          files++;
          bytes += task.file().fileSizeInBytes();
        }
      }
      double plan = (System.nanoTime() - start) / 1e6;
      int manifests = table.currentSnapshot().dataManifests(table.io()).size();
      return new Stats(files, manifests, bytes, (double) bytes / rows, plan);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
