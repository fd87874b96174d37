package io.icegate.ingest.otlp;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.proto.resource.v1.Resource;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.data.Record;

/**
 * The columns every row takes from its OTLP resource, computed once per resource: {@code
 * service_name} ({@code service.name}, else {@code unknown_service}), {@code resource_attributes}
 * (all of them, {@code service.name} included) and, for metrics, {@code service.instance.id}.
 */
record ResourceColumns(
    String serviceName, Map<String, String> attributes, Optional<String> serviceInstanceId) {
  static final String UNKNOWN_SERVICE = "unknown_service";

  ResourceColumns {
    requireNonNull(serviceName, "serviceName is null");
    requireNonNull(attributes, "attributes is null");
    requireNonNull(serviceInstanceId, "serviceInstanceId is null");
  }

  /** Rejects (every record of the resource) when an attribute cannot be stored. */
  static ResourceColumns of(Resource resource) {
    Map<String, String> attributes =
        AnyValueJson.attributes(resource.getAttributesList(), "resource attribute");
    String serviceName = attributes.get("service.name");
    return new ResourceColumns(
        serviceName == null || serviceName.isEmpty() ? UNKNOWN_SERVICE : serviceName,
        attributes,
        Optional.ofNullable(attributes.get("service.instance.id")));
  }

  void writeTo(Record row) {
    row.setField("service_name", serviceName);
    row.setField("resource_attributes", attributes);
  }
}
