package io.icegate.lake.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.store.FaultInjectingObjectStore.DelayedLanding;
import io.icegate.lake.store.FaultInjectingObjectStore.Operation;
import java.io.OutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FaultInjectingObjectStoreTest {
  private final InMemoryObjectStore memory = new InMemoryObjectStore();
  private final FaultInjectingObjectStore faults = new FaultInjectingObjectStore(memory);

  @Test
  void crashBeforeAWriteLeavesNothing() {
    faults.onCrashPoint(
        (point, key) -> {
          if (point.equals("PUT_IF_ABSENT:before")) {
            throw new IllegalStateException("crash at " + point + " " + key);
          }
        });

    assertThatThrownBy(() -> faults.putIfAbsent("k", new byte[1]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("crash at PUT_IF_ABSENT:before k");
    assertThat(memory.head("k")).isEmpty();
  }

  @Test
  void crashAfterAWriteLeavesItLanded() {
    faults.onCrashPoint(
        (point, key) -> {
          if (point.equals("PUT:after")) {
            throw new IllegalStateException("crash at " + point + " " + key);
          }
        });

    assertThatThrownBy(() -> faults.put("k", new byte[1]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("crash at PUT:after k");
    assertThat(memory.head("k")).isPresent();
    faults.clear();
    faults.put("k", new byte[2]);
    assertThat(memory.get("k")).hasSize(2);
  }

  @Test
  void faultsMatchOperationAndKeyPrefix() {
    faults.failBeforeSending(Operation.GET, "wal/", 1);
    memory.put("wal/1", new byte[1]);
    memory.put("catalog/1", new byte[1]);

    assertThat(faults.get("catalog/1")).hasSize(1);
    assertThat(faults.head("wal/1")).isPresent();
    assertThatThrownBy(() -> faults.get("wal/1"))
        .isInstanceOf(TransientStorageException.class)
        .hasMessage("Cannot GET wal/1: injected failure before sending");
    assertThat(faults.get("wal/1")).hasSize(1);
  }

  @Test
  void addsLatency() {
    faults.addLatency(Operation.HEAD, "", Duration.ofMillis(50));
    long start = System.nanoTime();
    faults.head("k");
    faults.head("k");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void delayedLandingOfAStreamAppliesOnlyWhenLanded() throws Exception {
    DelayedLanding landing = faults.delayLanding(Operation.CREATE, "big/");
    OutputStream out = faults.create("big/1", true);
    out.write("streamed".getBytes(UTF_8));

    assertThatThrownBy(out::close)
        .isInstanceOf(UnknownOutcomeException.class)
        .hasMessage("Cannot CREATE big/1: injected delayed landing");
    assertThat(landing.captured()).isTrue();
    assertThat(memory.head("big/1")).isEmpty();

    assertThat(landing.land()).isTrue();
    assertThat(memory.get("big/1")).isEqualTo("streamed".getBytes(UTF_8));
  }
}
