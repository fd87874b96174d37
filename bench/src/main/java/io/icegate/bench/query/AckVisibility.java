package io.icegate.bench.query;

import io.icegate.bench.wal.LoghubRows;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.engine.QueryLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.data.Record;

/**
 * Ack → visible in {@code query_range}: on a fresh local store, one line at a time goes through the
 * real {@link WalWriter} (default settings: 200 ms flush interval); once its append is
 * acknowledged, the Loki query path is polled until the line is returned. Reports both the ack
 * latency and ack → visible.
 */
final class AckVisibility {
  private static final String SERVICE = "ack-probe";

  private AckVisibility() {}

  static String run(int samples, QueryLimits limits) throws Exception {
    Path dir = Files.createTempDirectory("icegate-ack-visible");
    long[] acks = new long[samples];
    long[] visible = new long[samples];
    long[] polls = new long[samples];
    try (ObjectStore store = new LocalObjectStore(dir)) {
      LakeLocations locations = new LakeLocations("file:" + dir.toAbsolutePath().normalize());
      ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, locations);
      catalog.initialize("icegate", Map.of());
      new LakeTableCreator(catalog).createMissing();
      LoghubRows source = new LoghubRows();
      try (WalWriter wal =
              new WalWriter(
                  store,
                  WalSignal.LOGS,
                  WalWriterSettings.defaults(List.of("bench-0")),
                  lane -> 0,
                  Clock.systemUTC());
          LakeScanner scanner =
              new LakeScanner(store, locations, "icegate", Map.of(), Duration.ofMinutes(15))) {
        LokiQueryRange loki = new LokiQueryRange(scanner, limits);
        for (int i = 0; i < samples; i++) {
          String marker = "ackprobe" + i + "x" + System.nanoTime();
          Record row = source.request(1).rows().get(0);
          Instant now = Instant.now();
          row.setField("timestamp", now.atOffset(ZoneOffset.UTC));
          row.setField("observed_timestamp", now.atOffset(ZoneOffset.UTC));
          row.setField("service_name", SERVICE);
          row.setField("resource_attributes", Map.of("service.name", SERVICE));
          row.setField("body", "probe " + marker);
          long began = System.nanoTime();
          wal.append(
                  new WalBatchRows(String.format("%032x", i + 1), TenantId.DEFAULT, List.of(row)),
                  300)
              .join();
          long acked = System.nanoTime();
          LokiQueryRange.Params params =
              LokiQueryRange.Params.logs(
                  "{service_name=\"" + SERVICE + "\"} |= \"" + marker + "\"",
                  nanos(now.minusSeconds(60)),
                  nanos(now.plusSeconds(60)),
                  10);
          int tries = 0;
          while (!new String(loki.run(TenantId.DEFAULT, params).json()).contains(marker)) {
            tries++;
          }
          acks[i] = acked - began;
          visible[i] = System.nanoTime() - acked;
          polls[i] = tries + 1;
        }
      }
    }
    return String.format(
        "Ack → visible in query_range (%d lines, one at a time, fresh store %s):%n%n"
            + "| | p50 (ms) | p99 (ms) | max (ms) |%n|---|---:|---:|---:|%n"
            + "| WalWriter append → ack | %.1f | %.1f | %.1f |%n"
            + "| ack → visible in query_range | %.1f | %.1f | %.1f |%n"
            + "| query_range calls until visible | %d | %d | %d |%n",
        samples,
        dir,
        percentile(acks, 50) / 1e6,
        percentile(acks, 99) / 1e6,
        percentile(acks, 100) / 1e6,
        percentile(visible, 50) / 1e6,
        percentile(visible, 99) / 1e6,
        percentile(visible, 100) / 1e6,
        percentile(polls, 50),
        percentile(polls, 99),
        percentile(polls, 100));
  }

  private static long percentile(long[] values, int percent) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }
}
