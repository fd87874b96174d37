package io.icegate.query.loki.index;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.engine.QueryBudget;
import io.icegate.query.engine.QueryLimits;
import io.icegate.query.engine.TenantScan;
import jakarta.inject.Singleton;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Opens the scan layer for one call of the index, detected and tail endpoints: same lake, same
 * limits and same tenant filter as every other query ({@link LakeScanner}); the query's {@link
 * QueryBudget} counts the Parquet objects the scan opened, which {@code index/stats} reports as
 * chunks.
 */
@Singleton
public final class IndexScans {
  private final LakeScanner scanner;
  private final QueryLimits limits;

  IndexScans(LakeScanner scanner, QueryLimits limits) {
    this.scanner = requireNonNull(scanner, "scanner is null");
    this.limits = requireNonNull(limits, "limits is null");
  }

  /** What one scan cost. */
  public record Cost(long bytesScanned, long rowsScanned, int parquetObjectsRead) {}

  /** Runs {@code work} on a fresh scan of {@code tenant}; returns its result and cost. */
  public <T> T run(TenantId tenant, Function<TenantScan, T> work, Consumer<Cost> cost) {
    QueryBudget budget = new QueryBudget(limits);
    T result = work.apply(scanner.open(tenant, budget));
    cost.accept(new Cost(budget.bytesScanned(), budget.rowsScanned(), budget.parquetObjectsRead()));
    return result;
  }
}
