package io.icegate.query.engine;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.config.DedupWindow;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.runtime.CatalogConfiguration;
import io.icegate.lake.runtime.StorageConfiguration;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.tenant.TenantId;
import io.icegate.lake.view.LakeView;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Opens the scan layer for one query: a {@link TenantScan} over its own read-only view of the
 * store, so the bytes it reads are counted and bounded per query.
 */
@Singleton
public final class LakeScanner implements AutoCloseable {
  private final ObjectStore store;
  private final LakeLocations locations;
  private final String catalogName;
  private final Map<String, String> catalogProperties;
  private final Duration dedupWindow;
  private final BufferAllocator allocator = new RootAllocator();

  @Inject
  LakeScanner(
      ObjectStore store,
      StorageConfiguration storage,
      CatalogConfiguration catalog,
      DedupWindow dedupWindow) {
    this(
        store,
        new LakeLocations(storage.toSettings().rootLocation()),
        catalog.catalogName(),
        catalog.toProperties(),
        dedupWindow.value());
  }

  public LakeScanner(
      ObjectStore store,
      LakeLocations locations,
      String catalogName,
      Map<String, String> catalogProperties,
      Duration dedupWindow) {
    this.store = requireNonNull(store, "store is null");
    this.locations = requireNonNull(locations, "locations is null");
    this.catalogName = requireNonNull(catalogName, "catalogName is null");
    this.catalogProperties = Map.copyOf(catalogProperties);
    this.dedupWindow = requireNonNull(dedupWindow, "dedupWindow is null");
  }

  /** The scan layer of one query of {@code tenant}. */
  public TenantScan open(TenantId tenant, QueryBudget budget) {
    ObjectStore scanStore = new ScanObjectStore(store, budget);
    // A catalog per query: its reads go through the query's store and so count against its bytes.
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(scanStore, locations);
    catalog.initialize(catalogName, catalogProperties);
    return new TenantScan(tenant, new LakeView(catalog, scanStore, dedupWindow), budget, allocator);
  }

  @PreDestroy
  @Override
  public void close() {
    allocator.close();
  }
}
