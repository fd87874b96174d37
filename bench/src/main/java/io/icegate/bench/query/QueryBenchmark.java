package io.icegate.bench.query;

import io.icegate.bench.Percentiles;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.engine.QueryLimits;
import io.icegate.query.sql.SqlEngine;
import io.icegate.query.sql.SqlResult;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.io.CloseableIterable;

/**
 * SQL over a day of logs: IceGate (Calcite over the scan layer and lake view) and DuckDB JDBC
 * running the same SQL over the same Parquet data files, side by side in one run.
 *
 * <p>The rows ({@code -Drows}, default 1,000,000; the issue asks for 50 million) are a {@link
 * LogDayGenerator} dataset in {@code -Ddir} (default {@code /tmp/icegate-logs-<rows>}), generated
 * on the first run and reused after. Each query runs once to warm up, then {@code -Dreps} times
 * (default 3); the table shows the median latency and rows of the table per second, and checks that
 * both engines return the same answer.
 */
public final class QueryBenchmark {
  private static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");

  private QueryBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("rows", 1_000_000);
    int services = Integer.getInteger("services", 100);
    int reps = Integer.getInteger("reps", 3);
    Path dir = Path.of(System.getProperty("dir", "/tmp/icegate-logs-" + rows));
    LogDayGenerator.Dataset dataset =
        LogDayGenerator.openOrGenerate(
            new LogDayGenerator.Settings(
                dir,
                rows,
                services,
                Integer.getInteger("chunkRows", 1_000_000),
                Math.min(rows, 100_000),
                2,
                DAY));
    try (ObjectStore store = new LocalObjectStore(dir)) {
      LakeLocations locations = dataset.locations();
      ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, locations);
      catalog.initialize("icegate", Map.of());
      String trace = dataset.traceIdHex();

      List<Query> queries = queries(trace);
      QueryLimits limits =
          new QueryLimits(
              Duration.ofMinutes(10), Long.MAX_VALUE, Long.MAX_VALUE, 1_000_000L, 1L << 30);
      StringBuilder out = new StringBuilder();
      List<String> files = dataFiles(catalog);
      out.append(
          String.format(
              "%,d log rows, %d services, one day, %d data files in %s%n%n",
              rows, services, files.size(), dir));
      out.append(
          "| query | IceGate SQL (ms) | DuckDB (ms) | IceGate rows/s | DuckDB rows/s | same answer |\n");
      out.append("|---|---:|---:|---:|---:|---|\n");
      try (LakeScanner scanner =
              new LakeScanner(store, locations, "icegate", Map.of(), Duration.ofMinutes(15));
          SqlEngine engine = new SqlEngine(scanner, limits);
          Connection duck = duckDb(files)) {
        for (Query query : queries) {
          List<List<String>> ours = null;
          List<List<String>> theirs = null;
          long[] icegate = new long[reps];
          long[] duckdb = new long[reps];
          for (int rep = -1; rep < reps; rep++) {
            long start = System.nanoTime();
            SqlResult result = engine.execute(TenantId.DEFAULT, query.icegate());
            long middle = System.nanoTime();
            List<List<String>> answer = duck(duck, query.duckdb());
            long end = System.nanoTime();
            if (rep >= 0) {
              icegate[rep] = middle - start;
              duckdb[rep] = end - middle;
            }
            ours = normalize(result.rows());
            theirs = answer;
          }
          long ourMedian = median(icegate);
          long theirMedian = median(duckdb);
          out.append(
              String.format(
                  "| %s | %,.0f | %,.0f | %,.0f | %,.0f | %s |%n",
                  query.name(),
                  ourMedian / 1e6,
                  theirMedian / 1e6,
                  rows / (ourMedian / 1e9),
                  rows / (theirMedian / 1e9),
                  ours.equals(theirs) ? "yes" : "NO: " + ours + " vs " + theirs));
          System.out.print(out);
          out.setLength(0);
        }
      }
    }
  }

  /** One benchmark query; DuckDB's text differs only where the dialects do (binary literals). */
  record Query(String name, String icegate, String duckdb) {}

  static List<Query> queries(String traceHex) {
    String countByService =
        "SELECT service_name, COUNT(*) AS n FROM logs"
            + " WHERE \"timestamp\" >= TIMESTAMP '2026-11-24 06:00:00'"
            + " AND \"timestamp\" < TIMESTAMP '2026-11-24 18:00:00'"
            + " GROUP BY service_name ORDER BY n DESC, service_name";
    String like = "SELECT COUNT(*) FROM logs WHERE body LIKE '%failed%'";
    String topErrors =
        "SELECT service_name, COUNT(*) AS errors FROM logs WHERE severity_text = 'ERROR'"
            + " GROUP BY service_name ORDER BY errors DESC, service_name LIMIT 10";
    String lookup = "SELECT service_name, body FROM logs WHERE trace_id = %s ORDER BY body";
    return List.of(
        new Query("count by service, 12 h range", countByService, countByService),
        new Query("LIKE '%failed%' count", like, like),
        new Query("top 10 services by errors", topErrors, topErrors),
        new Query(
            "point lookup by trace_id",
            String.format(lookup, "X'" + traceHex + "'"),
            String.format(lookup, "from_hex('" + traceHex + "')")));
  }

  /** The Parquet files of the table's current snapshot: exactly what IceGate reads. */
  static List<String> dataFiles(ObjectStoreCatalog catalog) throws IOException {
    List<String> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks =
        catalog.loadTable(LakeTables.logs().identifier()).newScan().planFiles()) {
      for (FileScanTask task : tasks) {
        files.add(task.file().location().replaceFirst("^file:", ""));
      }
    }
    return files;
  }

  static Connection duckDb(List<String> files) throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET autoinstall_known_extensions=false");
      statement.execute("SET autoload_known_extensions=false");
      statement.execute("SET TimeZone='UTC'");
      String list =
          files.stream()
              .map(f -> "'" + f.replace("'", "''") + "'")
              .collect(Collectors.joining(","));
      statement.execute("CREATE VIEW logs AS SELECT * FROM read_parquet([" + list + "])");
    }
    return connection;
  }

  static List<List<String>> duck(Connection connection, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet results = statement.executeQuery(sql)) {
      int columns = results.getMetaData().getColumnCount();
      while (results.next()) {
        List<String> row = new ArrayList<>();
        for (int c = 1; c <= columns; c++) {
          row.add(String.valueOf(results.getObject(c)));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static List<List<String>> normalize(List<Object[]> rows) {
    return rows.stream().map(row -> Arrays.stream(row).map(String::valueOf).toList()).toList();
  }

  static long median(long[] values) {
    return Percentiles.median(values);
  }
}
