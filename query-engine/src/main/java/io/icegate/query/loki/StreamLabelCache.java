package io.icegate.query.loki;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Stream labels by (service name, resource attributes), built once per distinct resource of a scan:
 * the rows of a batch share few resources. Equal labels are one read-only map instance, so callers
 * may cache by identity (selector results, series labels). Bounded: past {@link #MAX_ENTRIES}
 * distinct resources it starts over (answers stay the same, only the sharing is lost).
 */
final class StreamLabelCache {
  static final int MAX_ENTRIES = 4096;

  private final LabelMapping mapping;
  private final Map<List<Object>, Map<String, String>> byResource = new HashMap<>();
  private final Map<Map<String, String>, Map<String, String>> canonical = new HashMap<>();

  StreamLabelCache(LabelMapping mapping) {
    this.mapping = requireNonNull(mapping, "mapping is null");
  }

  /** The stream labels, sorted by name and read-only. */
  Map<String, String> labels(String serviceName, Map<String, String> resource) {
    List<Object> key = List.of(serviceName, resource);
    Map<String, String> labels = byResource.get(key);
    if (labels == null) {
      if (byResource.size() >= MAX_ENTRIES || canonical.size() >= MAX_ENTRIES) {
        byResource.clear();
        canonical.clear();
      }
      SortedMap<String, String> built = mapping.streamLabels(serviceName, resource);
      labels = canonical.computeIfAbsent(built, k -> Collections.unmodifiableSortedMap(built));
      byResource.put(key, labels);
    }
    return labels;
  }
}
