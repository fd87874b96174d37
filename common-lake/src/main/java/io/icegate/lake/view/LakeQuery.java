package io.icegate.lake.view;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.wal.WalSignal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.util.DateTimeUtil;

/**
 * What to read from one signal table: always exactly one tenant (the view adds the tenant filter;
 * nothing above it can remove it), a half-open time range, the columns wanted (empty: all) and a
 * further row filter.
 */
public record LakeQuery(
    TenantId tenant,
    WalSignal signal,
    Optional<Instant> from,
    Optional<Instant> to,
    List<String> columns,
    Expression filter) {
  public LakeQuery {
    requireNonNull(tenant, "tenant is null");
    requireNonNull(signal, "signal is null");
    requireNonNull(from, "from is null");
    requireNonNull(to, "to is null");
    columns = List.copyOf(columns);
    requireNonNull(filter, "filter is null");
  }

  /** Every row of the tenant in the signal's table. */
  public static LakeQuery all(TenantId tenant, WalSignal signal) {
    return new LakeQuery(
        tenant, signal, Optional.empty(), Optional.empty(), List.of(), Expressions.alwaysTrue());
  }

  public LakeQuery between(Instant fromInclusive, Instant toExclusive) {
    return new LakeQuery(
        tenant, signal, Optional.of(fromInclusive), Optional.of(toExclusive), columns, filter);
  }

  public LakeQuery select(List<String> selected) {
    return new LakeQuery(tenant, signal, from, to, selected, filter);
  }

  public LakeQuery where(Expression rowFilter) {
    return new LakeQuery(tenant, signal, from, to, columns, Expressions.and(filter, rowFilter));
  }

  /** The full filter: tenant, time range and the row filter. */
  Expression effectiveFilter() {
    Expression expression = Expressions.and(Expressions.equal("tenant_id", tenant.value()), filter);
    if (from.isPresent()) {
      expression =
          Expressions.and(
              expression,
              Expressions.greaterThanOrEqual(
                  "timestamp", DateTimeUtil.microsFromInstant(from.get())));
    }
    if (to.isPresent()) {
      expression =
          Expressions.and(
              expression,
              Expressions.lessThan("timestamp", DateTimeUtil.microsFromInstant(to.get())));
    }
    return expression;
  }
}
