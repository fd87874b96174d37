package io.icegate.lake.catalog;

import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.store.ObjectStore;

class TestObjectStoreCatalogInMemory extends ObjectStoreCatalogContractTest {
  @Override
  protected ObjectStore newStore() {
    return new InMemoryObjectStore();
  }
}
