package org.apache.iceberg.rest;

import io.icegate.lake.store.S3ProxyExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Iceberg's {@code CatalogTests} through {@link RESTCatalog} on catalog-service over S3Proxy; the
 * client reads and writes data files with Iceberg's own {@code S3FileIO}, configured by the
 * service's table config. Tagged {@code interop} (run with {@code -Pinterop}): the default build
 * runs the view suite on S3Proxy and this suite on the local store.
 */
@Tag("interop")
public class TestCatalogServiceRestCatalogS3Proxy extends CatalogServiceCatalogTests {
  @RegisterExtension static S3ProxyExtension S3 = new S3ProxyExtension();

  private static CatalogServiceFixture service;

  @BeforeAll
  static void startService() {
    service = CatalogServiceFixture.s3(S3, SUITE_CONFIGURATION);
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
