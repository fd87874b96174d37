package org.apache.iceberg.rest;

import java.util.Map;
import org.apache.iceberg.catalog.CatalogTests;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Iceberg's own {@link CatalogTests} through Iceberg's {@link RESTCatalog} client against a running
 * catalog-service; a store variant only supplies the running service. One service runs per class
 * (starting one per test would dominate the run time); after each test every view, table and
 * namespace is dropped, so each test starts from an empty catalog as the suite expects. The suite's
 * table-default/override properties are configured on the server and reach the client through
 * {@code /v1/config}. Capability flags are justified in docs/catalog.md.
 */
abstract class CatalogServiceCatalogTests extends CatalogTests<RESTCatalog> {
  /** The server-side catalog properties the suite's property tests expect. */
  static final Map<String, Object> SUITE_CONFIGURATION =
      Map.of(
          "icegate.rest.table-default.default-key1", "catalog-default-key1",
          "icegate.rest.table-default.default-key2", "catalog-default-key2",
          "icegate.rest.table-default.override-key3", "catalog-default-key3",
          "icegate.rest.table-override.override-key3", "catalog-override-key3",
          "icegate.rest.table-override.override-key4", "catalog-override-key4");

  private RESTCatalog catalog;

  /** The running service of this class. */
  protected abstract CatalogServiceFixture fixture();

  @BeforeEach
  void createCatalog() {
    catalog = initCatalog("rest", Map.of());
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
  protected RESTCatalog initCatalog(String name, Map<String, String> properties) {
    return fixture().newClient(name, properties);
  }

  @Override
  protected boolean requiresNamespaceCreate() {
    return true;
  }

  @Override
  protected boolean supportsNestedNamespaces() {
    return true;
  }

  /** CatalogHandlers re-applies a commit to fresh metadata when its requirements still hold. */
  @Override
  protected boolean supportsServerSideRetry() {
    return true;
  }

  /** Requested locations must lie in the lake: the suite's default {@code file:/tmp} does not. */
  @Override
  protected String baseTableLocation(TableIdentifier identifier) {
    return fixture().rootLocation() + "/custom/" + identifier.namespace() + "/" + identifier.name();
  }
}
