package io.icegate.lake.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.store.FaultInjectingObjectStore.Operation;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RetryingObjectStoreTest {
  private static final RetryingObjectStore.Policy POLICY =
      new RetryingObjectStore.Policy(4, Duration.ofMillis(1), Duration.ofMillis(4));

  private final InMemoryObjectStore memory = new InMemoryObjectStore();
  private final FaultInjectingObjectStore faults = new FaultInjectingObjectStore(memory);
  private final RetryingObjectStore store = new RetryingObjectStore(faults, POLICY);
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  @BeforeEach
  void countCalls() {
    faults.onCrashPoint(
        (point, key) -> {
          if (point.endsWith(":before")) {
            calls.computeIfAbsent(point, p -> new AtomicInteger()).incrementAndGet();
          }
        });
  }

  @Test
  void retriesTransientFailuresUntilTheySucceed() {
    memory.put("k", "v".getBytes(UTF_8));
    faults.failBeforeSending(Operation.GET, "k", 3);

    assertThat(store.get("k")).isEqualTo("v".getBytes(UTF_8));
    assertThat(calls("GET")).isEqualTo(4);
  }

  @Test
  void givesUpAfterMaxAttempts() {
    faults.failBeforeSending(Operation.PUT, "k", 100);

    assertThatThrownBy(() -> store.put("k", new byte[1]))
        .isInstanceOf(TransientStorageException.class)
        .hasMessage("Cannot PUT k: injected failure before sending");
    assertThat(calls("PUT")).isEqualTo(4);
    assertThat(memory.head("k")).isEmpty();
  }

  @Test
  void doesNotRetryPermanentFailures() {
    assertThatThrownBy(() -> store.get("missing"))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessage("Cannot read missing: object does not exist");
    assertThat(calls("GET")).isEqualTo(1);
    assertThatThrownBy(() -> store.get("../x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid object key '../x': '..' segment");
    assertThat(calls("GET")).isEqualTo(1);
  }

  @Test
  void reissuesPutIfAbsentAfterUnknownOutcome() {
    faults.loseAcknowledgement(Operation.PUT_IF_ABSENT, "k", 2);

    assertThat(store.putIfAbsent("k", "ours".getBytes(UTF_8))).isTrue();
    assertThat(calls("PUT_IF_ABSENT")).isEqualTo(3);
    assertThat(store.putIfAbsent("k", "theirs".getBytes(UTF_8))).isFalse();
  }

  @Test
  void reportsUnknownOutcomeWhenAttemptsRunOut() {
    faults.loseAcknowledgement(Operation.PUT_IF_ABSENT, "k", 100);

    assertThatThrownBy(() -> store.putIfAbsent("k", new byte[1]))
        .isInstanceOf(UnknownOutcomeException.class)
        .hasMessage("Cannot PUT_IF_ABSENT k: injected lost acknowledgement");
    assertThat(calls("PUT_IF_ABSENT")).isEqualTo(4);
  }

  @Test
  void retriesPlainWritesWhoseAcknowledgementWasLost() {
    faults.loseAcknowledgement(Operation.PUT, "k", 1);

    store.put("k", "v".getBytes(UTF_8));
    assertThat(calls("PUT")).isEqualTo(2);
    assertThat(memory.get("k")).isEqualTo("v".getBytes(UTF_8));
  }

  @Test
  void retriesListings() {
    memory.put("p/a", new byte[1]);
    memory.put("p/b", new byte[1]);
    faults.failBeforeSending(Operation.LIST, "p/", 2);

    assertThat(store.list("p/").map(ObjectInfo::key)).containsExactly("p/a", "p/b");
    assertThat(calls("LIST")).isEqualTo(3);
  }

  @Test
  void backoffDoublesUpToTheCap() {
    var policy = new RetryingObjectStore.Policy(10, Duration.ofMillis(50), Duration.ofMillis(300));
    assertThat(policy.backoff().cap(1)).isEqualTo(Duration.ofMillis(50));
    assertThat(policy.backoff().cap(2)).isEqualTo(Duration.ofMillis(100));
    assertThat(policy.backoff().cap(3)).isEqualTo(Duration.ofMillis(200));
    assertThat(policy.backoff().cap(4)).isEqualTo(Duration.ofMillis(300));
    assertThat(policy.backoff().cap(60)).isEqualTo(Duration.ofMillis(300));
    assertThatThrownBy(() -> new RetryingObjectStore.Policy(0, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid maxAttempts: 0");
  }

  private int calls(String operation) {
    return calls.getOrDefault(operation + ":before", new AtomicInteger()).get();
  }
}
