package org.apache.iceberg.rest;

import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.view.ViewCatalogTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Iceberg's own {@link ViewCatalogTests} through {@link RESTCatalog} against a running
 * catalog-service; a store variant only supplies the running service. The suite's
 * view-default/override properties are configured on the server. Flags: docs/catalog.md.
 */
abstract class CatalogServiceViewCatalogTests extends ViewCatalogTests<RESTCatalog> {
  /** The server-side catalog properties the suite's property tests expect. */
  static final Map<String, Object> SUITE_CONFIGURATION =
      Map.of(
          "icegate.rest.view-default.key1", "catalog-default-key1",
          "icegate.rest.view-default.key2", "catalog-default-key2",
          "icegate.rest.view-default.key3", "catalog-default-key3",
          "icegate.rest.view-override.key3", "catalog-override-key3",
          "icegate.rest.view-override.key4", "catalog-override-key4");

  private RESTCatalog catalog;

  /** The running service of this class. */
  protected abstract CatalogServiceFixture fixture();

  @BeforeEach
  void createCatalog() {
    catalog = fixture().newClient("rest", Map.of());
  }

  @AfterEach
  void emptyCatalog() {
    fixture().reset();
  }

  @Override
  protected RESTCatalog catalog() {
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

  /** CatalogHandlers re-applies a view commit to fresh metadata when its requirements hold. */
  @Override
  protected boolean supportsServerSideRetry() {
    return true;
  }

  /** Requested locations must lie in the lake: the suite's temporary folder does not. */
  @Override
  protected String viewLocation(String... paths) {
    return fixture().rootLocation() + "/custom-views/" + String.join("/", paths);
  }
}
