package io.icegate.lake.store;

import org.junit.jupiter.api.extension.RegisterExtension;

class S3ObjectStoreTest extends ObjectStoreContractTest {
  @RegisterExtension static S3ProxyExtension s3 = new S3ProxyExtension();

  @Override
  protected ObjectStore newStore() {
    return s3.newStore();
  }

  @Override
  protected int writerThreads() {
    return 16;
  }
}
