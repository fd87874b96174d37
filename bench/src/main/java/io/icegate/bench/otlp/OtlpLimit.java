package io.icegate.bench.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.icegate.ingest.otlp.IngestLimits;
import io.icegate.ingest.otlp.OtlpIngest;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSegmentEncoder;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.proto.v1.WalSegmentFooter;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The limit of one core: the same request bytes decoded (protobuf), put through the receivers' own
 * {@link OtlpIngest} (limits, mapping to rows, batch ids) and encoded into WAL Parquet segments of
 * the WAL's flush size (16 MiB of input) by {@link WalSegmentEncoder}, on one thread, with no
 * network and no storage.
 */
final class OtlpLimit {
  /** Records per second, CPU seconds per million records, Parquet bytes per record. */
  record Result(
      double recordsPerSecond, double cpuSecondsPerMillion, double storedBytesPerRecord) {}

  private OtlpLimit() {}

  static Result measure(
      OtlpPayloads payloads, String tenant, long warmupSeconds, long seconds, int segmentRecords) {
    TenantId tenantId = new TenantId(tenant);
    WalSignal signal = WalSignal.of(payloads.signal());
    WalSegmentEncoder encoder =
        new WalSegmentEncoder(signal.table().schema(), WalWriter.segmentProperties(signal));
    List<WalBatchRows> pending = new ArrayList<>();
    int[] pendingRows = {0};
    OtlpIngest ingest =
        new OtlpIngest(
            (s, batch, inputBytes) -> {
              pending.add(batch);
              pendingRows[0] += batch.rows().size();
              return CompletableFuture.completedFuture(null);
            },
            new IngestLimits(
                16L << 20,
                64L << 20,
                128,
                65536,
                32,
                1L << 40,
                1L << 40,
                1L << 40,
                Duration.ofSeconds(1)));
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
    long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    long records = 0;
    long stored = 0;
    long cpuFrom = 0;
    long wallFrom = 0;
    boolean measuring = false;
    for (long n = 0; ; n++) {
      long now = System.nanoTime();
      if (!measuring && now >= measureFrom) {
        measuring = true;
        records = 0;
        stored = 0;
        cpuFrom = processCpuNanos();
        wallFrom = now;
      }
      if (measuring && now >= measureTo && pending.isEmpty()) {
        break;
      }
      // Each request gets its sequence field as on the wire, so batch ids are computed over
      // distinct bytes just as in the server.
      byte[] bytes = payloads.send((int) (n % payloads.distinct()), n);
      ingest(ingest, tenantId, payloads.signal(), bytes).join();
      records += payloads.recordsPerRequest();
      if (pendingRows[0] >= segmentRecords || (measuring && now >= measureTo)) {
        stored += encoder.encode(WalSegmentFooter.getDefaultInstance(), pending).bytes().length;
        pending.clear();
        pendingRows[0] = 0;
      }
    }
    double cpu = (processCpuNanos() - cpuFrom) / 1e9;
    double wall = (System.nanoTime() - wallFrom) / 1e9;
    return new Result(records / wall, cpu / records * 1e6, (double) stored / records);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static CompletableFuture<?> ingest(
      OtlpIngest ingest, TenantId tenant, String signal, byte[] bytes) {
    try {
      return switch (signal) {
        case "logs" -> ingest.logs(tenant, ExportLogsServiceRequest.parseFrom(bytes));
        case "spans" -> ingest.traces(tenant, ExportTraceServiceRequest.parseFrom(bytes));
        case "metrics" -> ingest.metrics(tenant, ExportMetricsServiceRequest.parseFrom(bytes));
        default -> throw new IllegalArgumentException("Unknown signal " + signal);
      };
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("Benchmark payload does not parse", e);
    }
  }
}
