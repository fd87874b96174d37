package io.icegate.lake.catalog;

import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.S3ProxyExtension;
import io.icegate.lake.store.StorageSettings;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each test gets its own prefix in one S3Proxy bucket. */
class TestObjectStoreCatalogS3Proxy extends ObjectStoreCatalogContractTest {
  @RegisterExtension static S3ProxyExtension S3 = new S3ProxyExtension();

  private StorageSettings settings;

  @Override
  protected ObjectStore newStore() {
    settings = S3.settings();
    return ObjectStores.open(settings);
  }

  @Override
  protected String rootLocation() {
    return settings.rootLocation();
  }
}
