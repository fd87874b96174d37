package io.icegate.ingest.otlp;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.proto.common.v1.InstrumentationScope;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.data.Record;

/** The columns every row takes from its instrumentation scope, computed once per scope. */
record ScopeColumns(
    Optional<String> name, Optional<String> version, Map<String, String> attributes) {
  ScopeColumns {
    requireNonNull(name, "name is null");
    requireNonNull(version, "version is null");
    requireNonNull(attributes, "attributes is null");
  }

  /** Rejects (every record of the scope) when an attribute cannot be stored. */
  static ScopeColumns of(InstrumentationScope scope) {
    return new ScopeColumns(
        Optional.ofNullable(SharedColumns.text(scope.getName())),
        Optional.ofNullable(SharedColumns.text(scope.getVersion())),
        AnyValueJson.attributes(scope.getAttributesList(), "scope attribute"));
  }

  void writeTo(Record row) {
    row.setField("scope_name", name.orElse(null));
    row.setField("scope_version", version.orElse(null));
    row.setField("scope_attributes", attributes);
  }
}
