package io.icegate.lake.store;

class InMemoryObjectStoreTest extends ObjectStoreContractTest {
  @Override
  protected ObjectStore newStore() {
    return new InMemoryObjectStore();
  }
}
