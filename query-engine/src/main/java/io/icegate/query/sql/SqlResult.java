package io.icegate.query.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The answer of one SQL query: columns, rows of plain Java values (String, Integer, Long, Double,
 * Boolean, BigDecimal, Instant, LocalDate, byte[], Map, List) and what it cost.
 */
public record SqlResult(List<SqlColumn> columns, List<Object[]> rows, Stats stats) {
  public SqlResult {
    columns = List.copyOf(columns);
    rows = List.copyOf(rows);
    requireNonNull(stats, "stats is null");
  }

  /** What the query read and how long it ran. */
  public record Stats(long bytesScanned, long rowsScanned, long elapsedNanos) {}
}
