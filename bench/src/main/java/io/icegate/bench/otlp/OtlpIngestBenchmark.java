package io.icegate.bench.otlp;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * OTLP ingest end to end: for each signal and protocol, the load generator ({@link
 * OtlpLoadGenerator}) saturates (or paces) an ingest service running as a child JVM on a local
 * store; reported are acknowledged records/s, the server's CPU seconds per million records (its
 * process CPU time over the window), p50/p99 acknowledgement latency, OTLP protobuf bytes per
 * record and WAL Parquet bytes per record. In the same run, {@link OtlpLimit}: the same payloads
 * decoded, mapped and encoded to Parquet on one thread with no network or storage.
 *
 * <p>Settings are {@code -D} properties, see {@link OtlpLoadConfig}. Prints a Markdown table.
 */
public final class OtlpIngestBenchmark {
  private OtlpIngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    OtlpLoadConfig config = OtlpLoadConfig.fromSystemProperties();
    Map<String, OtlpPayloads> payloads = new LinkedHashMap<>();
    for (String signal : config.signals()) {
      payloads.put(
          signal,
          OtlpPayloads.build(signal, config.distinct(), config.batch(), config.attributes()));
    }
    List<String> rows = new ArrayList<>();
    AtomicLong sequence = new AtomicLong(System.currentTimeMillis() << 20);
    IngestProcess server = config.external() ? null : IngestProcess.start();
    try {
      String http = server == null ? config.externalHttp() : server.httpBase();
      String grpc = server == null ? config.externalGrpc() : server.grpcTarget();
      long cases = (long) payloads.size() * config.protocols().size();
      long warmupEach = Math.max(1, config.serverWarmupSeconds() / Math.max(1, cases));
      for (OtlpPayloads payload : payloads.values()) {
        for (String protocol : config.protocols()) {
          try (OtlpClient client =
              OtlpClient.open(protocol, payload.signal(), http, grpc, config.tenant())) {
            new OtlpLoadGenerator(client, payload, config.inflight(), config.rate())
                .run(warmupEach, 0, sequence, () -> {});
          }
        }
      }
      for (OtlpPayloads payload : payloads.values()) {
        for (String protocol : config.protocols()) {
          rows.add(runCase(config, payload, protocol, http, grpc, server, sequence));
        }
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
    // The limit's JIT warm-up in this JVM, over all signals, as the server had its own.
    long limitWarmup = Math.max(1, config.serverWarmupSeconds() / payloads.size());
    for (OtlpPayloads payload : payloads.values()) {
      OtlpLimit.measure(payload, config.tenant(), limitWarmup, 1, config.limitSegmentRecords());
    }
    for (OtlpPayloads payload : payloads.values()) {
      OtlpLimit.Result limit =
          OtlpLimit.measure(
              payload,
              config.tenant(),
              config.warmupSeconds(),
              config.seconds(),
              config.limitSegmentRecords());
      String row =
          "| %s | **limit** (decode+map+encode, 1 thread) | %,.0f | %.2f | — | — | %.0f | %.1f | — |"
              .formatted(
                  payload.signal(),
                  limit.recordsPerSecond(),
                  limit.cpuSecondsPerMillion(),
                  payload.otlpBytesPerRecord(),
                  limit.storedBytesPerRecord());
      System.out.println(row);
      rows.add(row);
    }
    System.out.println();
    System.out.printf(
        "batch=%d records/request, attributes=+%d, inflight=%d, rate=%s, serverWarmup=%ds,"
            + " warmup=%ds, seconds=%ds, %d cores%n%n",
        config.batch(),
        config.attributes(),
        config.inflight(),
        config.rate() == 0 ? "saturate" : config.rate() + " records/s",
        config.serverWarmupSeconds(),
        config.warmupSeconds(),
        config.seconds(),
        Runtime.getRuntime().availableProcessors());
    System.out.println(
        "| signal | protocol | records/s | server CPU-s / M records | p50 ms | p99 ms"
            + " | OTLP B/record | stored B/record | failed |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    System.exit(0);
  }

  private static String runCase(
      OtlpLoadConfig config,
      OtlpPayloads payload,
      String protocol,
      String http,
      String grpc,
      IngestProcess server,
      AtomicLong sequence) {
    String table = payload.signal();
    long walBefore = server == null ? 0 : server.walBytes(table);
    long segmentsBefore = server == null ? 0 : server.walSegments(table);
    double[] cpuFrom = {0};
    double[] clientCpuFrom = {0};
    OtlpLoadGenerator.Window window;
    long sendsBefore = sequence.get();
    try (OtlpClient client =
        OtlpClient.open(protocol, payload.signal(), http, grpc, config.tenant())) {
      window =
          new OtlpLoadGenerator(client, payload, config.inflight(), config.rate())
              .run(
                  config.warmupSeconds(),
                  config.seconds(),
                  sequence,
                  () -> {
                    cpuFrom[0] = server == null ? 0 : server.cpuSeconds();
                    clientCpuFrom[0] = processCpuSeconds();
                  });
    }
    double serverCpu = server == null ? Double.NaN : server.cpuSeconds() - cpuFrom[0];
    // Every request of the case (warm-up included) was answered, so its rows are in the WAL.
    long sends = sequence.get() - sendsBefore;
    double stored =
        server == null
            ? Double.NaN
            : (double) (server.walBytes(table) - walBefore) / (sends * payload.recordsPerRequest());
    String row =
        "| %s | %s | %,.0f | %.2f | %.1f | %.1f | %.0f | %.1f | %d |"
            .formatted(
                payload.signal(),
                protocol,
                window.recordsPerSecond(),
                serverCpu / window.records() * 1e6,
                window.latencyMillis(0.50),
                window.latencyMillis(0.99),
                (double) window.requestBytes() / window.records(),
                stored,
                window.failed());
    System.out.println(row);
    System.out.printf(
        "  (load generator CPU-s / M records: %.2f; rows per WAL segment: %.0f; failures: %s)%n",
        (processCpuSeconds() - clientCpuFrom[0]) / window.records() * 1e6,
        server == null
            ? Double.NaN
            : (double) (sends * payload.recordsPerRequest())
                / Math.max(1, server.walSegments(table) - segmentsBefore),
        window.failures());
    return row;
  }

  private static double processCpuSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }
}
