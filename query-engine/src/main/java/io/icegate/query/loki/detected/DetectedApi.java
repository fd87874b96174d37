package io.icegate.query.loki.detected;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.query.loki.LabelMapping;
import io.icegate.query.loki.LabelMatcher;
import io.icegate.query.loki.LogSelection;
import io.icegate.query.loki.LokiConfiguration;
import io.icegate.query.loki.StreamLines;
import io.icegate.query.loki.index.IndexScans;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What Loki's "detected" endpoints run, parameters parsed ({@code detected_labels}, {@code
 * detected_fields}, {@code detected_field/{name}/values}); ranges are closed, {@code [start, end]}.
 */
@Singleton
public final class DetectedApi {
  private final IndexScans scans;
  private final LabelMapping mapping;

  DetectedApi(IndexScans scans, LokiConfiguration config) {
    this.scans = requireNonNull(scans, "scans is null");
    this.mapping = new LabelMapping(requireNonNull(config, "config is null").indexLabels());
  }

  /** {@code detected_labels}: the distinct values of every stream label, by label name. */
  public SortedMap<String, Set<String>> labels(
      TenantId tenant, List<LabelMatcher> selector, long start, long end) {
    SortedMap<String, Set<String>> values = new TreeMap<>();
    scans.run(
        tenant,
        scan -> {
          StreamLines.forEach(
              scan,
              mapping,
              selector,
              start,
              end + 1,
              (ts, stream, bytes) ->
                  stream.forEach(
                      (name, value) ->
                          values.computeIfAbsent(name, k -> new TreeSet<>()).add(value)));
          return null;
        },
        cost -> {});
    return values;
  }

  /**
   * The fields of the newest {@code lines} lines {@code selection} returns in the range, as {@code
   * detected_fields} and {@code detected_field/{name}/values} report them.
   */
  public DetectedFields fields(
      TenantId tenant, LogSelection selection, long start, long end, int lines) {
    LineSample sample = new LineSample(lines);
    scans.run(
        tenant,
        scan -> {
          selection.forEachEntry(scan, mapping, start, end + 1, sample::offer);
          return null;
        },
        cost -> {});
    return new DetectedFields(sample.entries());
  }
}
