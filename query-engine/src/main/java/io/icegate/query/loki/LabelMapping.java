package io.icegate.query.loki;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a stored OTLP log row into a Loki entry the way Loki 3 stores OTLP logs ({@code
 * pkg/loghttp/push/otlp.go}): the configured resource attributes become stream labels, everything
 * else but the body and the time becomes structured metadata, names normalized to label names
 * ({@code service.name} → {@code service_name}), plus {@code detected_level} (docs/loki.md,
 * "Labels").
 */
public final class LabelMapping {
  /** Loki 3's {@code default_resource_attributes_as_index_labels}, plus the newer env name. */
  public static final List<String> LOKI_DEFAULTS =
      List.of(
          "service.name",
          "service.namespace",
          "service.instance.id",
          "deployment.environment",
          "deployment.environment.name",
          "cloud.region",
          "cloud.availability_zone",
          "k8s.cluster.name",
          "k8s.namespace.name",
          "k8s.pod.name",
          "k8s.container.name",
          "container.name",
          "k8s.replicaset.name",
          "k8s.deployment.name",
          "k8s.statefulset.name",
          "k8s.daemonset.name",
          "k8s.cronjob.name",
          "k8s.job.name");

  public static final String SERVICE_NAME = "service_name";
  public static final String DETECTED_LEVEL = "detected_level";
  private static final String DUPLICATE_SUFFIX = "_extracted";
  private static final int MAX_NORMALIZED = 10_000;
  private static final Map<String, String> NORMALIZED = new ConcurrentHashMap<>();

  private final Set<String> indexAttributes;

  public LabelMapping(List<String> indexAttributes) {
    this.indexAttributes = Set.copyOf(indexAttributes);
  }

  public static LabelMapping defaults() {
    return new LabelMapping(LOKI_DEFAULTS);
  }

  /** Whether the resource attribute {@code key} is a stream label. */
  public boolean isIndexAttribute(String key) {
    return indexAttributes.contains(key);
  }

  /**
   * The resource attributes behind stream label {@code label} (several keys may normalize to it).
   */
  public List<String> attributesOfLabel(String label) {
    return indexAttributes.stream().filter(key -> normalize(key).equals(label)).sorted().toList();
  }

  /** The stream labels of a row, sorted by name; {@code service_name} is always there. */
  public Map<String, String> streamLabels(LogRow row) {
    return streamLabels(row.serviceName(), row.resourceAttributes());
  }

  /** The stream labels of a row's service name and resource attributes. */
  public SortedMap<String, String> streamLabels(String serviceName, Map<String, String> resource) {
    TreeMap<String, String> labels = new TreeMap<>();
    resource.forEach(
        (key, value) -> {
          if (indexAttributes.contains(key) && value != null) {
            labels.put(normalize(key), value);
          }
        });
    // The table stores "unknown_service" when service.name is absent, as Loki labels it.
    labels.put(SERVICE_NAME, serviceName);
    return labels;
  }

  /** The structured metadata of a row, sorted by name, {@code detected_level} included. */
  public Map<String, String> structuredMetadata(LogRow row) {
    return structuredMetadata(row, streamLabels(row));
  }

  /**
   * The structured metadata of a row as a query sees it next to its stream labels {@code stream}: a
   * name that is also a stream label gets the suffix {@code _extracted}, as Loki's labels builder
   * does (and as the pipeline does). So structured metadata never replaces a stream label, with or
   * without a pipeline, and a query that reads only stream labels need not read it.
   */
  Map<String, String> queryMetadata(LogRow row, Map<String, String> stream) {
    Map<String, String> metadata = structuredMetadata(row, stream);
    boolean clash = false;
    for (String name : metadata.keySet()) {
      clash |= stream.containsKey(name);
    }
    if (!clash) {
      return metadata;
    }
    // In name order, a later name wins: what LabelsBuilder.reset does with the same map.
    TreeMap<String, String> renamed = new TreeMap<>();
    metadata.forEach(
        (name, value) ->
            renamed.put(stream.containsKey(name) ? name + DUPLICATE_SUFFIX : name, value));
    return renamed;
  }

  private Map<String, String> structuredMetadata(LogRow row, Map<String, String> stream) {
    // Sorted as it is built: a later put of a name replaces an earlier one, as before sorting.
    TreeMap<String, String> metadata = new TreeMap<>();
    row.attributes().forEach((key, value) -> putValue(metadata, normalize(key), value));
    row.observedNanos()
        .filter(nanos -> nanos != 0)
        .ifPresent(nanos -> metadata.put("observed_timestamp", Long.toString(nanos)));
    if (row.severityNumber() != 0) {
      metadata.put("severity_number", Integer.toString(row.severityNumber()));
    }
    row.severityText().ifPresent(text -> metadata.put("severity_text", text));
    if (row.droppedAttributesCount() != 0) {
      metadata.put("dropped_attributes_count", Integer.toString(row.droppedAttributesCount()));
    }
    if (row.flags() != 0) {
      metadata.put("flags", Integer.toUnsignedString(row.flags()));
    }
    row.traceId().ifPresent(id -> metadata.put("trace_id", id));
    row.spanId().ifPresent(id -> metadata.put("span_id", id));
    row.resourceAttributes()
        .forEach(
            (key, value) -> {
              if (!indexAttributes.contains(key)) {
                putValue(metadata, normalize(key), value);
              }
            });
    row.scopeAttributes().forEach((key, value) -> putValue(metadata, normalize(key), value));
    row.scopeName().ifPresent(name -> metadata.put("scope_name", name));
    row.scopeVersion().ifPresent(version -> metadata.put("scope_version", version));
    String level = LevelDetector.detect(stream, metadata, row.body());
    metadata.put(DETECTED_LEVEL, level);
    return metadata;
  }

  /** The entry Loki would answer for a row, before any pipeline stage. */
  public LogEntry entry(LogRow row) {
    Map<String, String> stream = streamLabels(row);
    return new LogEntry(
        row.timestampNanos(), row.body(), stream, queryMetadata(row, stream), Map.of());
  }

  private static void putValue(Map<String, String> metadata, String name, String value) {
    // An empty AnyValue is stored as null; Loki's AsString gives "" for it.
    metadata.put(name, value == null ? "" : value);
  }

  /**
   * An attribute key as a Loki label name, as Prometheus' {@code otlptranslator.NormalizeLabel}
   * does: every character but letters, digits and {@code _} becomes {@code _}; a leading digit gets
   * {@code key_} in front, a single leading {@code _} gets {@code key}.
   */
  public static String normalize(String key) {
    // Attribute keys repeat on every row: each is normalized once (up to a bound, then computed).
    String name = NORMALIZED.get(key);
    if (name == null) {
      name = normalizeUncached(key);
      if (NORMALIZED.size() < MAX_NORMALIZED) {
        NORMALIZED.put(key, name);
      }
    }
    return name;
  }

  private static String normalizeUncached(String key) {
    if (key.isEmpty()) {
      return key;
    }
    StringBuilder name = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      name.append(ok ? c : '_');
    }
    if (Character.isDigit(name.charAt(0))) {
      return "key_" + name;
    }
    if (name.charAt(0) == '_' && !(name.length() > 1 && name.charAt(1) == '_')) {
      return "key" + name;
    }
    return name.toString();
  }
}
