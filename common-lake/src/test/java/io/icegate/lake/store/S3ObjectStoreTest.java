package io.icegate.lake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.config.InvalidConfigurationException;
import java.time.Duration;
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
  void lostAnswersToConditionalWritesAreResolvedByContent() throws Exception {
    store.close();
    try (LossyProxy proxy = new LossyProxy(s3.endpoint());
        ObjectStore lossy =
            ObjectStores.open(s3.settings().withEndpoint(proxy.uri().toString(), true))) {
      // Our write landed, its answer was lost: resolved as ours.
      proxy.dropNextResponse("If-None-Match");
      assertThat(lossy.putIfAbsent("k", bytes("ours"))).isTrue();
      // Their write was refused (412), the refusal was lost: resolved as a conflict.
      proxy.dropNextResponse("If-None-Match");
      assertThat(lossy.putIfAbsent("k", bytes("theirs"))).isFalse();
      assertThat(proxy.dropped()).isEqualTo(2);
      assertThat(lossy.get("k")).isEqualTo(bytes("ours"));

      // The request never arrived: the key is free, so the outcome stays unknown...
      proxy.dropNextRequest("If-None-Match");
      assertThatThrownBy(() -> lossy.putIfAbsent("k2", bytes("ours")))
          .isInstanceOf(UnknownOutcomeException.class)
          .hasMessageStartingWith("Cannot create k2: outcome unknown after ")
          .hasMessageEndingWith("; the key is free and the write may still land");
      assertThat(proxy.dropped()).isEqualTo(3);
      // ... until the caller re-issues the same write.
      var retrying =
          new RetryingObjectStore(
              lossy, new RetryingObjectStore.Policy(3, Duration.ofMillis(1), Duration.ofMillis(5)));
      proxy.dropNextRequest("If-None-Match");
      assertThat(retrying.putIfAbsent("k2", bytes("ours"))).isTrue();
      assertThat(lossy.get("k2")).isEqualTo(bytes("ours"));
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
