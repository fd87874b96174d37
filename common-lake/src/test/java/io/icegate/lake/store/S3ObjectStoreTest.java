package io.icegate.lake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class S3ObjectStoreTest extends ObjectStoreContractTest {
  @RegisterExtension static S3ProxyExtension s3 = new S3ProxyExtension();

  @Override
  protected ObjectStore newStore() {
    return s3.newStore();
  }

  /** S3Proxy's filesystem backend sorts keys as Java strings (UTF-16); AWS S3 uses UTF-8. */
  @Override
  protected boolean listsSupplementaryCharactersInUtf8Order() {
    return false;
  }

  @Override
  protected int writerThreads() {
    return 16;
  }

  @Test
  void keysLiveUnderTheConfiguredPrefix() {
    StorageSettings settings = s3.settings();
    store.close();
    try (ObjectStore inner = ObjectStores.open(settings.withPrefix(settings.prefix() + "inner"));
        ObjectStore outer = ObjectStores.open(settings)) {
      inner.put("k", bytes("v"));
      assertThat(outer.list("").map(ObjectInfo::key)).containsExactly("inner/k");
      assertThat(outer.get("inner/k")).isEqualTo(bytes("v"));
      assertThat(inner.list("").map(ObjectInfo::key)).containsExactly("k");
    }
  }

  @Test
  void openReportsAMissingBucket() {
    StorageSettings settings =
        StorageSettings.s3("no-such-bucket")
            .withEndpoint(s3.endpoint().toString(), true)
            .withCredentials("access", "secret");
    assertThatThrownBy(() -> ObjectStores.open(settings))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessage(
            "icegate.storage.bucket: bucket 'no-such-bucket' does not exist at " + s3.endpoint());
  }
}
