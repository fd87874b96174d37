package io.icegate.bench.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.engine.QueryLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * LogQL over the 50M-row day of {@link LogDayGenerator}: IceGate's Loki query path ({@link
 * LokiQueryRange}, what {@code /loki/api/v1/query_range} runs, in process) beside DuckDB JDBC
 * running the equivalent SQL over the same Parquet data files, in one run; then ack → visible in
 * {@code query_range} on a fresh store ({@link AckVisibility}).
 *
 * <p>Settings: {@code -Ddir} (default {@code /tmp/icegate-logs-50m}, must exist: never generated
 * here), {@code -Dfrom} (hour of the day the range starts, default 0), {@code -Dhours} (default
 * 24), {@code -Dservice} (default {@code service-042}), {@code -Dword} (default {@code failed}),
 * {@code -Dreps} (default 1, after one warm-up), {@code -Dqueries} (which of the five, default
 * {@code 1,2,3,4}, empty for none), {@code -DackSamples} (default 200, 0 skips it).
 */
public final class LokiBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private LokiBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(System.getProperty("dir", "/tmp/icegate-logs-50m"));
    Path marker = dir.resolve(LogDayGenerator.DATASET_FILE);
    if (!Files.exists(marker)) {
      throw new IllegalStateException("No dataset in " + dir + "; run bench/run LogDayGenerator");
    }
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(marker)) {
      properties.load(in);
    }
    Instant day = Instant.parse(properties.getProperty("day"));
    Instant start = day.plus(Duration.ofHours(Integer.getInteger("from", 0)));
    Instant end = start.plus(Duration.ofHours(Integer.getInteger("hours", 24)));
    int reps = Integer.getInteger("reps", 1);
    LokiQueries queries =
        new LokiQueries(
            start,
            end,
            System.getProperty("service", "service-042"),
            System.getProperty("word", "failed"));
    QueryLimits limits =
        new QueryLimits(
            Duration.ofMinutes(30), Long.MAX_VALUE, Long.MAX_VALUE, 1_000_000L, 1L << 30);
    try (ObjectStore store = new LocalObjectStore(dir)) {
      var locations = new LogDayGenerator.Dataset(dir, 0, 0, day, "").locations();
      ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, locations);
      catalog.initialize("icegate", Map.of());
      List<String> files = QueryBenchmark.dataFiles(catalog);
      try (LakeScanner scanner =
              new LakeScanner(store, locations, "icegate", Map.of(), Duration.ofMinutes(15));
          Connection duck = QueryBenchmark.duckDb(files)) {
        LokiQueryRange loki = new LokiQueryRange(scanner, limits);
        long rangeRows =
            Long.parseLong(QueryBenchmark.duck(duck, queries.rangeRowsSql()).get(0).get(0));
        System.out.printf(
            "%s rows, %d data files in %s; range %s .. %s: %,d rows (DuckDB); %d rep(s) after a"
                + " warm-up%n%n",
            properties.getProperty("rows"), files.size(), dir, start, end, rangeRows, reps);
        System.out.println(
            "| query | IceGate (ms) | DuckDB (ms) | IceGate rows scanned | IceGate scanned rows/s"
                + " | range rows/s IceGate | range rows/s DuckDB | same answer |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
        List<LokiQueries.Query> all = queries.all();
        for (String number : System.getProperty("queries", "1,2,3,4").split(",")) {
          if (!number.isBlank()) {
            run(loki, duck, all.get(Integer.parseInt(number.trim()) - 1), reps, rangeRows);
          }
        }
      }
    }
    int samples = Integer.getInteger("ackSamples", 200);
    if (samples > 0) {
      System.out.println();
      System.out.println(AckVisibility.run(samples, limits));
    }
  }

  private static void run(
      LokiQueryRange loki, Connection duck, LokiQueries.Query query, int reps, long rangeRows)
      throws Exception {
    long[] ours = new long[reps];
    long[] theirs = new long[reps];
    Object ourAnswer = null;
    Object theirAnswer = null;
    long scanned = 0;
    for (int rep = -1; rep < reps; rep++) {
      long began = System.nanoTime();
      LokiQueryRange.Result result = loki.run(TenantId.DEFAULT, query.params());
      long middle = System.nanoTime();
      List<List<String>> rows = QueryBenchmark.duck(duck, query.sql());
      long finished = System.nanoTime();
      if (rep >= 0) {
        ours[rep] = middle - began;
        theirs[rep] = finished - middle;
      }
      ourAnswer = query.fromLoki(JSON.readTree(result.json()));
      theirAnswer = query.fromDuck(rows);
      scanned = result.rowsScanned();
    }
    double ourSeconds = QueryBenchmark.median(ours) / 1e9;
    double theirSeconds = QueryBenchmark.median(theirs) / 1e9;
    String same = ourAnswer.equals(theirAnswer) ? "yes" : "NO";
    System.out.printf(
        "| `%s` | %,.0f | %,.0f | %,d | %,.0f | %,.0f | %,.0f | %s: %s |%n",
        query.logql(),
        ourSeconds * 1e3,
        theirSeconds * 1e3,
        scanned,
        scanned / ourSeconds,
        rangeRows / ourSeconds,
        rangeRows / theirSeconds,
        same,
        summary(ourAnswer, theirAnswer));
  }

  private static String summary(Object ours, Object theirs) {
    String text = LokiQueries.describe(ours);
    return ours.equals(theirs) ? text : text + " vs DuckDB " + LokiQueries.describe(theirs);
  }

  static JsonNode result(JsonNode answer) {
    if (!"success".equals(answer.path("status").asText())) {
      throw new IllegalStateException("Loki answer: " + answer);
    }
    return answer.path("data").path("result");
  }
}
