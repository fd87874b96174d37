package io.icegate.query.loki.index;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.query.loki.LabelMapping;
import io.icegate.query.loki.LabelMatcher;
import io.icegate.query.loki.LokiConfiguration;
import io.icegate.query.loki.StreamLines;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What Loki's index endpoints run, parameters parsed: {@code index/stats} counts streams, chunks,
 * bytes and entries; {@code index/volume} and {@code index/volume_range} add up log bytes. IceGate
 * has no separate index: both read the stream columns and line sizes of the selected rows, and the
 * range is closed, {@code [start, end]}, as Loki's index includes chunks that end at {@code end}.
 */
@Singleton
public final class IndexApi {
  private final IndexScans scans;
  private final LabelMapping mapping;

  IndexApi(IndexScans scans, LokiConfiguration config) {
    this.scans = requireNonNull(scans, "scans is null");
    this.mapping = new LabelMapping(requireNonNull(config, "config is null").indexLabels());
  }

  /**
   * The answer of {@code index/stats}.
   *
   * @param chunks the Parquet objects (data files and WAL segments) the scan opened
   */
  public record Stats(int streams, int chunks, long bytes, long entries) {}

  /** {@code index/stats} of the streams {@code selector} picks in {@code [start, end]}. */
  public Stats stats(TenantId tenant, List<LabelMatcher> selector, long start, long end) {
    Set<Map<String, String>> streams = new HashSet<>();
    long[] bytesEntries = new long[2];
    int[] chunks = new int[1];
    scans.run(
        tenant,
        scan -> {
          StreamLines.forEach(
              scan,
              mapping,
              selector,
              start,
              end + 1,
              (ts, stream, bytes) -> {
                streams.add(stream);
                bytesEntries[0] += bytes;
                bytesEntries[1]++;
              });
          return null;
        },
        cost -> chunks[0] = cost.parquetObjectsRead());
    return new Stats(streams.size(), chunks[0], bytesEntries[0], bytesEntries[1]);
  }

  /**
   * {@code index/volume} ({@code step} 0) and {@code index/volume_range}: the {@code limit} largest
   * series of log bytes in {@code [start, end]}.
   *
   * @param targetLabels labels to group by; empty: the labels {@code selector} names
   */
  public List<Volumes.Series> volume(
      TenantId tenant,
      List<LabelMatcher> selector,
      long start,
      long end,
      long step,
      int limit,
      Volumes.AggregateBy aggregateBy,
      Set<String> targetLabels) {
    Set<String> targets = new LinkedHashSet<>(targetLabels);
    if (targets.isEmpty()) {
      selector.forEach(matcher -> targets.add(matcher.name()));
    }
    Volumes volumes = new Volumes(targets, aggregateBy, start, step);
    scans.run(
        tenant,
        scan -> {
          StreamLines.forEach(scan, mapping, selector, start, end + 1, volumes::add);
          return null;
        },
        cost -> {});
    return volumes.largest(limit);
  }
}
