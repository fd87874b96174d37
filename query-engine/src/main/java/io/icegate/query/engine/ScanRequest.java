package io.icegate.query.engine;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.wal.WalSignal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;

/**
 * What a language asks of one table: columns (empty: all but {@code tenant_id}), a row filter
 * pushed into Iceberg scan planning and the WAL, and a time range that also prunes WAL batches by
 * their footer's min/max timestamps. There is deliberately no tenant here: the {@link TenantScan}
 * that runs the request is bound to exactly one.
 */
public record ScanRequest(
    WalSignal signal,
    List<String> columns,
    Expression filter,
    Optional<Instant> from,
    Optional<Instant> to) {
  public ScanRequest {
    requireNonNull(signal, "signal is null");
    columns = List.copyOf(columns);
    requireNonNull(filter, "filter is null");
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    if (columns.contains(TenantScan.TENANT_COLUMN)) {
      throw new IllegalArgumentException("Invalid columns: tenant_id is not readable");
    }
  }

  public static ScanRequest all(WalSignal signal) {
    return new ScanRequest(
        signal, List.of(), Expressions.alwaysTrue(), Optional.empty(), Optional.empty());
  }

  public ScanRequest select(List<String> selected) {
    return new ScanRequest(signal, selected, filter, from, to);
  }

  public ScanRequest where(Expression rowFilter) {
    return new ScanRequest(signal, columns, Expressions.and(filter, rowFilter), from, to);
  }

  public ScanRequest between(Optional<Instant> fromInclusive, Optional<Instant> toExclusive) {
    return new ScanRequest(signal, columns, filter, fromInclusive, toExclusive);
  }
}
