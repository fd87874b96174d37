package org.apache.iceberg.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.store.S3ProxyExtension;
import java.nio.file.Path;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.exceptions.NotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

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

  /** The suite moves the file on the local disk; here the client deletes it from S3 instead. */
  @Test
  @Override
  public void testLoadTableWithMissingMetadataFile(@TempDir Path tempDir) {
    RESTCatalog catalog = catalog();
    catalog.createNamespace(TBL.namespace());
    catalog.buildTable(TBL, SCHEMA).create();
    Table table = catalog.loadTable(TBL);
    String location = ((HasTableOperations) table).operations().current().metadataFileLocation();

    table.io().deleteFile(location);

    assertThat(table.io().newInputFile(location).exists()).isFalse();
    assertThatThrownBy(() -> catalog.loadTable(TBL))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Failed to open input stream for file: " + location);
  }
}
