package io.icegate.lake.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

class MeteredObjectStoreTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MeteredObjectStore store =
      new MeteredObjectStore(new InMemoryObjectStore(), registry, "lake");

  @Test
  void countsRequestsBytesAndLatency() throws IOException {
    store.put("a", new byte[10]);
    store.get("a");
    store.getRange("a", 2, 3);
    assertThat(store.putIfAbsent("b", new byte[7])).isTrue();
    assertThat(store.putIfAbsent("b", new byte[8])).isFalse();
    try (OutputStream out = store.create("c", false)) {
      out.write(new byte[5]);
      out.write(1);
    }

    assertThat(requests("put")).isEqualTo(1);
    assertThat(requests("get")).isEqualTo(1);
    assertThat(requests("get-range")).isEqualTo(1);
    assertThat(requests("put-if-absent")).isEqualTo(2);
    assertThat(requests("create")).isEqualTo(1);
    assertThat(registry.get(MeteredObjectStore.BYTES_READ).counter().count()).isEqualTo(13);
    assertThat(registry.get(MeteredObjectStore.BYTES_WRITTEN).counter().count()).isEqualTo(23);
    assertThat(registry.get(MeteredObjectStore.CONFLICTS).counter().count()).isEqualTo(1);
    assertThat(
            registry
                .get(MeteredObjectStore.LATENCY)
                .tags("store", "lake", "operation", "put-if-absent")
                .timer()
                .count())
        .isEqualTo(2);
  }

  @Test
  void countsErrorsByOperationAndKind() {
    assertThatThrownBy(() -> store.get("missing"))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessage("Cannot read missing: object does not exist");

    assertThat(requests("get")).isEqualTo(1);
    assertThat(
            registry
                .get(MeteredObjectStore.ERRORS)
                .tags("store", "lake", "operation", "get", "error", "ObjectNotFoundException")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(registry.get(MeteredObjectStore.BYTES_READ).counter().count()).isZero();
  }

  private double requests(String operation) {
    return registry
        .get(MeteredObjectStore.REQUESTS)
        .tags("store", "lake", "operation", operation)
        .counter()
        .count();
  }
}
