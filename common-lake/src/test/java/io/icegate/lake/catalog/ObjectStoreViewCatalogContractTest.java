package io.icegate.lake.catalog;

import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.store.ObjectStore;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.view.ViewCatalogTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Iceberg's own {@link ViewCatalogTests} against {@link ObjectStoreCatalog}; a store-specific
 * subclass only supplies a fresh store. Flags are justified in docs/catalog.md.
 */
public abstract class ObjectStoreViewCatalogContractTest
    extends ViewCatalogTests<ObjectStoreCatalog> {
  private ObjectStore store;
  private ObjectStoreCatalog catalog;

  /** A fresh, empty store for one test. */
  protected abstract ObjectStore newStore();

  /** The lake root URI the catalog writes locations under. */
  protected String rootLocation() {
    return "memory://lake";
  }

  @BeforeEach
  void createCatalog() {
    store = newStore();
    catalog = new ObjectStoreCatalog(store, new LakeLocations(rootLocation()));
    catalog.initialize(
        "test",
        Map.of(
            CatalogProperties.VIEW_DEFAULT_PREFIX + "key1", "catalog-default-key1",
            CatalogProperties.VIEW_DEFAULT_PREFIX + "key2", "catalog-default-key2",
            CatalogProperties.VIEW_DEFAULT_PREFIX + "key3", "catalog-default-key3",
            CatalogProperties.VIEW_OVERRIDE_PREFIX + "key3", "catalog-override-key3",
            CatalogProperties.VIEW_OVERRIDE_PREFIX + "key4", "catalog-override-key4"));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  protected ObjectStoreCatalog catalog() {
    return catalog;
  }

  @Override
  protected Catalog tableCatalog() {
    return catalog;
  }

  @Override
  protected boolean requiresNamespaceCreate() {
    return true;
  }

  @Override
  protected boolean supportsEmptyNamespace() {
    return true;
  }

  /** Requested locations must lie in the lake: the suite's default temporary folder does not. */
  @Override
  protected String viewLocation(String... paths) {
    return rootLocation() + "/custom-views/" + String.join("/", paths);
  }
}
