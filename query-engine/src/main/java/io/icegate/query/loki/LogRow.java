package io.icegate.query.loki;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * One row of the {@code logs} table as the Loki API needs it. Absent OTLP fields are empty
 * optionals / empty maps (the table stores them as nulls). The maps are wrapped read-only, not
 * copied: a row is built once per read row that needs its structured metadata.
 *
 * @param timestampNanos event time, exact nanoseconds since the epoch
 */
public record LogRow(
    long timestampNanos,
    String serviceName,
    Map<String, String> resourceAttributes,
    Optional<String> scopeName,
    Optional<String> scopeVersion,
    Map<String, String> scopeAttributes,
    Map<String, String> attributes,
    Optional<Long> observedNanos,
    int severityNumber,
    Optional<String> severityText,
    String body,
    Optional<String> traceId,
    Optional<String> spanId,
    int flags,
    int droppedAttributesCount) {
  public LogRow {
    requireNonNull(serviceName, "serviceName is null");
    resourceAttributes = readOnly(resourceAttributes, "resourceAttributes");
    requireNonNull(scopeName, "scopeName is null");
    requireNonNull(scopeVersion, "scopeVersion is null");
    scopeAttributes = readOnly(scopeAttributes, "scopeAttributes");
    attributes = readOnly(attributes, "attributes");
    requireNonNull(observedNanos, "observedNanos is null");
    requireNonNull(severityText, "severityText is null");
    requireNonNull(body, "body is null");
    requireNonNull(traceId, "traceId is null");
    requireNonNull(spanId, "spanId is null");
  }

  private static Map<String, String> readOnly(Map<String, String> map, String name) {
    return Collections.unmodifiableMap(requireNonNull(map, name + " is null"));
  }
}
