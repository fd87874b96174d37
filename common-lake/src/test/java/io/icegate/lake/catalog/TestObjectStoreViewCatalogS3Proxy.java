package io.icegate.lake.catalog;

import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.S3ProxyExtension;
import io.icegate.lake.store.StorageSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each test gets its own prefix in one S3Proxy bucket. Tagged {@code interop} (run with {@code
 * -Pinterop}, about 30 s): the default build covers S3 with the commit race and the store contract,
 * and runs this suite on the local and in-memory stores.
 */
@Tag("interop")
class TestObjectStoreViewCatalogS3Proxy extends ObjectStoreViewCatalogContractTest {
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
