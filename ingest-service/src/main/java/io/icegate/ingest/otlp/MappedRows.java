package io.icegate.ingest.otlp;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.data.Record;

/**
 * What one OTLP request became: rows per table name ({@code logs}, {@code events}, {@code spans},
 * {@code metrics}) and the records that were rejected, with the first reason, for the OTLP {@code
 * partial_success} answer ({@code rejected_log_records}, {@code rejected_spans}, {@code
 * rejected_data_points} and {@code error_message}).
 */
public record MappedRows(
    Map<String, List<Record>> rowsByTable, long rejectedCount, Optional<String> firstRejection) {
  public MappedRows {
    requireNonNull(rowsByTable, "rowsByTable is null");
    requireNonNull(firstRejection, "firstRejection is null");
    if (rejectedCount < 0) {
      throw new IllegalArgumentException("Invalid rejectedCount: " + rejectedCount);
    }
    Map<String, List<Record>> copy = new LinkedHashMap<>();
    rowsByTable.forEach((table, rows) -> copy.put(table, List.copyOf(rows)));
    rowsByTable = Collections.unmodifiableMap(copy);
  }

  /** The rows for one table; empty when the request had none for it. */
  public List<Record> rows(String table) {
    return rowsByTable.getOrDefault(table, List.of());
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder {
    private final Map<String, List<Record>> rows = new LinkedHashMap<>();
    private long rejected;
    private String firstRejection;

    Builder add(String table, Record row) {
      rows.computeIfAbsent(table, ignored -> new ArrayList<>()).add(row);
      return this;
    }

    Builder reject(long count, String reason) {
      if (count > 0) {
        rejected += count;
        if (firstRejection == null) {
          firstRejection = reason;
        }
      }
      return this;
    }

    MappedRows build() {
      return new MappedRows(rows, rejected, Optional.ofNullable(firstRejection));
    }
  }
}
