package org.apache.iceberg.rest;

import io.icegate.lake.store.S3ProxyExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Iceberg's {@code ViewCatalogTests} through {@link RESTCatalog} on catalog-service over S3Proxy,
 * in the default build: the REST face on a real S3 API server.
 */
public class TestCatalogServiceRestViewCatalogS3Proxy extends CatalogServiceViewCatalogTests {
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
