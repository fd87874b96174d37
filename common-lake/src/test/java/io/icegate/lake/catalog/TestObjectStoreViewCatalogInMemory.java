package io.icegate.lake.catalog;

import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.store.ObjectStore;

class TestObjectStoreViewCatalogInMemory extends ObjectStoreViewCatalogContractTest {
  @Override
  protected ObjectStore newStore() {
    return new InMemoryObjectStore();
  }
}
