package io.icegate.query.loki.detected;

import io.icegate.query.loki.LogEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The fields of a line sample, as Loki's {@code detected_fields} reports them: every structured
 * metadata key (no parser) and every field the {@code json} or {@code logfmt} parser finds in a
 * line; the type is the one of the first value seen (newest line first), the cardinality the exact
 * number of distinct values in the sample (Loki estimates it with HyperLogLog).
 */
public final class DetectedFields {
  /** One field. {@code parsers} is empty for structured metadata. */
  public record Field(String label, String type, Set<String> values, Set<String> parsers) {}

  private final Map<String, Field> fields = new TreeMap<>();

  DetectedFields(List<LogEntry> sample) {
    for (LogEntry entry : sample) {
      entry.structuredMetadata().forEach((name, value) -> add(name, value, null));
      LineFields.Parsed parsed = LineFields.parse(entry.line());
      parsed.fields().forEach((name, value) -> add(name, value, parsed.parser()));
    }
  }

  private void add(String name, String value, String parser) {
    Field field =
        fields.computeIfAbsent(
            name, k -> new Field(name, FieldTypes.of(value), new TreeSet<>(), new TreeSet<>()));
    field.values().add(value);
    if (parser != null) {
      field.parsers().add(parser);
    }
  }

  /** The first {@code limit} fields by name. */
  public List<Field> fields(int limit) {
    List<Field> all = new ArrayList<>(fields.values());
    return all.size() > limit ? all.subList(0, limit) : all;
  }

  /** The distinct values of one field, sorted; empty when the sample has none. */
  public Set<String> values(String name) {
    Field field = fields.get(name);
    return field == null ? Set.of() : field.values();
  }

  /** For tests and docs: every field by name. */
  Map<String, Field> byName() {
    return new LinkedHashMap<>(fields);
  }
}
