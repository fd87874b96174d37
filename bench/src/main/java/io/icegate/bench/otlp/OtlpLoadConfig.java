package io.icegate.bench.otlp;

import java.util.Arrays;
import java.util.List;

/**
 * What the OTLP load generator sends, from {@code -D} system properties (all optional):
 *
 * <ul>
 *   <li>{@code signals} — {@code logs,spans,metrics} (default all three)
 *   <li>{@code protocols} — {@code grpc,http} (OTLP/gRPC and OTLP/HTTP protobuf; default both)
 *   <li>{@code batch} — records (log records, spans, data points) per request (default 512, the SDK
 *       batch processors' export size)
 *   <li>{@code attributes} — attributes per record beyond the realistic fixed ones (default 4)
 *   <li>{@code rate} — records per second to offer; 0 saturates (default 0)
 *   <li>{@code inflight} — requests outstanding at once, like parallel exporters (default 32:
 *       enough to keep the WAL's 200 ms group commit full)
 *   <li>{@code serverWarmup} — seconds of load over all cases before the first measurement, so the
 *       server's JIT is warm (default 20)
 *   <li>{@code warmup}, {@code seconds} — per case (default 5 and 15)
 *   <li>{@code distinct} — distinct payloads per signal; each send still gets its own batch id
 *       (default 64)
 *   <li>{@code tenant} — X-Scope-OrgID (default {@code bench})
 *   <li>{@code limitSegmentRecords} — rows per Parquet segment in the limit (default 4096, about
 *       what the server's 200 ms group commit writes at saturation here)
 *   <li>{@code http}, {@code grpc} — an already running ingest service (e.g. {@code
 *       http://host:4318}, {@code host:4317}); then no server is started and server CPU is not
 *       measured
 * </ul>
 */
public record OtlpLoadConfig(
    List<String> signals,
    List<String> protocols,
    int batch,
    int attributes,
    long rate,
    int inflight,
    long serverWarmupSeconds,
    long warmupSeconds,
    long seconds,
    int distinct,
    String tenant,
    int limitSegmentRecords,
    String externalHttp,
    String externalGrpc) {

  public static OtlpLoadConfig fromSystemProperties() {
    return new OtlpLoadConfig(
        list("signals", "logs,spans,metrics"),
        list("protocols", "grpc,http"),
        Integer.getInteger("batch", 512),
        Integer.getInteger("attributes", 4),
        Long.getLong("rate", 0),
        Integer.getInteger("inflight", 16),
        Long.getLong("serverWarmup", 20),
        Long.getLong("warmup", 5),
        Long.getLong("seconds", 15),
        Integer.getInteger("distinct", 64),
        System.getProperty("tenant", "bench"),
        Integer.getInteger("limitSegmentRecords", 4096),
        System.getProperty("http"),
        System.getProperty("grpc"));
  }

  public boolean external() {
    return externalHttp != null || externalGrpc != null;
  }

  private static List<String> list(String key, String defaults) {
    return Arrays.stream(System.getProperty(key, defaults).split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
