package io.icegate.lake.catalog;

import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.StorageSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class TestObjectStoreCatalogLocal extends ObjectStoreCatalogContractTest {
  @TempDir Path folder;

  @Override
  protected ObjectStore newStore() {
    return ObjectStores.open(StorageSettings.local(folder));
  }

  @Override
  protected String rootLocation() {
    return StorageSettings.local(folder).rootLocation();
  }
}
