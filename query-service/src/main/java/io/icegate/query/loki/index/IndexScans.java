package io.icegate.query.loki.index;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.runtime.CatalogConfiguration;
import io.icegate.lake.runtime.StorageConfiguration;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.query.engine.LakeScanner;
import io.icegate.query.engine.QueryBudget;
import io.icegate.query.engine.QueryLimits;
import io.icegate.query.engine.TenantScan;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.function.Function;

/**
 * Opens the scan layer for one index call over a store that records which Parquet objects the scan
 * read, so {@code index/stats} can report them as chunks. Same lake, same limits and same tenant
 * filter as every other query ({@link LakeScanner}).
 */
@Singleton
public final class IndexScans {
  private final ObjectStore store;
  private final LakeLocations locations;
  private final CatalogConfiguration catalog;
  private final Duration dedupWindow;
  private final QueryLimits limits;

  @Inject
  IndexScans(
      ObjectStore store,
      StorageConfiguration storage,
      CatalogConfiguration catalog,
      @Value("${icegate.wal.dedup-window:15m}") Duration dedupWindow,
      QueryLimits limits) {
    this.store = requireNonNull(store, "store is null");
    this.locations = new LakeLocations(storage.toSettings().rootLocation());
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.dedupWindow = requireNonNull(dedupWindow, "dedupWindow is null");
    this.limits = requireNonNull(limits, "limits is null");
  }

  /** What one scan cost. */
  public record Cost(long bytesScanned, long rowsScanned, int parquetObjectsRead) {}

  /** Runs {@code work} on a fresh scan of {@code tenant}; returns its result and cost. */
  public <T> T run(
      TenantId tenant, Function<TenantScan, T> work, java.util.function.Consumer<Cost> cost) {
    ObjectsReadStore counting = new ObjectsReadStore(store);
    QueryBudget budget = new QueryBudget(limits);
    try (LakeScanner scanner =
        new LakeScanner(
            counting, locations, catalog.catalogName(), catalog.toProperties(), dedupWindow)) {
      T result = work.apply(scanner.open(tenant, budget));
      cost.accept(
          new Cost(budget.bytesScanned(), budget.rowsScanned(), counting.parquetObjectsRead()));
      return result;
    }
  }
}
