package org.apache.iceberg.rest;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Iceberg's {@code CatalogTests} through {@link RESTCatalog} on catalog-service's local store. */
public class TestCatalogServiceRestCatalog extends CatalogServiceCatalogTests {
  @TempDir static Path root;

  private static CatalogServiceFixture service;

  @BeforeAll
  static void startService() {
    service = CatalogServiceFixture.local(root, SUITE_CONFIGURATION);
  }

  @AfterAll
  static void stopService() {
    if (service != null) {
      service.close();
    }
  }

  @Override
  protected CatalogServiceFixture fixture() {
    return service;
  }
}
