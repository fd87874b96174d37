package io.icegate.lake.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.icegate.lake.store.FaultInjectingObjectStore.DelayedLanding;
import io.icegate.lake.store.FaultInjectingObjectStore.Operation;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The behaviour every {@link ObjectStore} must show (DESIGN.md §3). Subclasses hand out a fresh,
 * empty store per test whose multipart threshold, if any, is at most 5 MiB.
 */
public abstract class ObjectStoreContractTest {
  private static final RetryingObjectStore.Policy FAST_RETRIES =
      new RetryingObjectStore.Policy(5, Duration.ofMillis(1), Duration.ofMillis(10));

  protected ObjectStore store;

  /** A fresh, empty store for one test. */
  protected abstract ObjectStore newStore();

  /** Threads used to create many keys at once. */
  protected int writerThreads() {
    return 8;
  }

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void putGetHeadDelete() {
    byte[] data = "hello lake".getBytes(UTF_8);
    Instant before = Instant.now().minusSeconds(60);
    store.put("a/b.txt", data);

    assertThat(store.get("a/b.txt")).isEqualTo(data);
    ObjectInfo info = store.head("a/b.txt").orElseThrow();
    assertThat(info.key()).isEqualTo("a/b.txt");
    assertThat(info.size()).isEqualTo(data.length);
    assertThat(info.etag()).isEqualTo(Md5.hex(data));
    assertThat(info.lastModified()).isBetween(before, Instant.now().plusSeconds(60));

    store.delete("a/b.txt");
    assertThat(store.head("a/b.txt")).isEmpty();
    assertThatThrownBy(() -> store.get("a/b.txt"))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessage("Cannot read a/b.txt: object does not exist");
    store.delete("a/b.txt");
    assertThat(store.list("")).isEmpty();
  }

  @Test
  void putReplacesExistingObject() {
    store.put("k", bytes("one"));
    store.put("k", bytes("two, longer"));
    assertThat(store.get("k")).isEqualTo(bytes("two, longer"));
    assertThat(store.head("k").orElseThrow().etag()).isEqualTo(Md5.hex(bytes("two, longer")));
  }

  @Test
  void emptyObjectRoundTrips() {
    store.put("empty", new byte[0]);
    assertThat(store.get("empty")).isEmpty();
    assertThat(store.head("empty").orElseThrow().size()).isZero();
  }

  @Test
  void getRangeReadsTheMiddleAndStopsAtTheEnd() {
    byte[] data = new byte[100];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    store.put("r", data);

    assertThat(store.getRange("r", 10, 5)).containsExactly(10, 11, 12, 13, 14);
    assertThat(store.getRange("r", 95, 10)).containsExactly(95, 96, 97, 98, 99);
    assertThat(store.getRange("r", 0, 0)).isEmpty();
    assertThat(store.getRange("r", 100, 5)).isEmpty();
    assertThat(store.getRange("r", 150, 5)).isEmpty();
    assertThatThrownBy(() -> store.getRange("missing", 0, 5))
        .isInstanceOf(ObjectNotFoundException.class)
        .hasMessage("Cannot read missing: object does not exist");
  }

  @Test
  void unicodeAndDeepKeysRoundTrip() {
    String unicode = "ключ/日本/é";
    String deep = "d/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/leaf.bin";
    store.put(unicode, bytes("u"));
    store.put(deep, bytes("d"));

    assertThat(store.get(unicode)).isEqualTo(bytes("u"));
    assertThat(store.get(deep)).isEqualTo(bytes("d"));
    assertThat(store.list("ключ/").map(ObjectInfo::key)).containsExactly(unicode);
    assertThat(store.list("d/1/2/").map(ObjectInfo::key)).containsExactly(deep);
    assertThat(store.list("").map(ObjectInfo::key)).containsExactly(deep, unicode);
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", "a/../b", ".", "a/./b", "a//b", "/a", "a/", "", "a\\b"})
  void invalidKeysAreRejectedBeforeAnyIo(String key) {
    List<Runnable> calls =
        List.of(
            () -> store.put(key, bytes("x")),
            () -> store.putIfAbsent(key, bytes("x")),
            () -> store.get(key),
            () -> store.getRange(key, 0, 1),
            () -> store.head(key),
            () -> store.create(key, true),
            () -> store.delete(key),
            () -> store.deleteAll(List.of("ok", key)));
    for (Runnable call : calls) {
      assertThatThrownBy(call::run)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("Invalid object key");
    }
    assertThatThrownBy(() -> store.list("/x/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid object key '/x': leading '/'");
    assertThat(store.list("")).isEmpty();
  }

  /**
   * Whether listings follow UTF-8 byte order even where it differs from Java's UTF-16 order (keys
   * with characters above U+FFFF), as AWS S3 does.
   */
  protected boolean listsSupplementaryCharactersInUtf8Order() {
    return true;
  }

  @Test
  void listsInUtf8ByteOrder() {
    List<String> expected =
        List.of("o/A", "o/a-c", "o/a/b", "o/ab", "o/a\uE000", "o/é", "o/\uFFFD", "o/\uFFFDx");
    List<String> shuffled = new ArrayList<>(expected);
    Collections.shuffle(shuffled, new Random(7));
    shuffled.forEach(key -> store.put(key, bytes(key)));
    store.put("other", bytes("x"));

    assertThat(store.list("o/").map(ObjectInfo::key)).containsExactlyElementsOf(expected);
    assertThat(store.list("o/a").map(ObjectInfo::key))
        .containsExactly("o/a-c", "o/a/b", "o/ab", "o/a\uE000");
    assertThat(store.list("o/", Optional.of("o/ab")).map(ObjectInfo::key))
        .containsExactly("o/a\uE000", "o/é", "o/\uFFFD", "o/\uFFFDx");
    assertThat(store.list("o/", Optional.of("o/a")).map(ObjectInfo::key))
        .containsExactlyElementsOf(expected.subList(1, expected.size()));
    ObjectInfo first = store.list("o/a/").findFirst().orElseThrow();
    assertThat(first.size()).isEqualTo(5);
    assertThat(first.etag()).isIn(Md5.hex(bytes("o/a/b")), "");
  }

  @Test
  void listsSupplementaryCharactersAfterPrivateUseCharacters() {
    assumeThat(listsSupplementaryCharactersInUtf8Order()).isTrue();
    // Java's String order puts U+1F600 (a surrogate pair) before U+E000; UTF-8 puts it after.
    store.put("s/a\uD83D\uDE00", bytes("emoji"));
    store.put("s/a\uE000", bytes("private use"));
    store.put("s/a\uFFFD", bytes("replacement"));

    assertThat(store.list("s/").map(ObjectInfo::key))
        .containsExactly("s/a\uE000", "s/a\uFFFD", "s/a\uD83D\uDE00");
    assertThat(store.list("s/", Optional.of("s/a\uFFFD")).map(ObjectInfo::key))
        .containsExactly("s/a\uD83D\uDE00");
  }

  @Test
  void listPaginatesOverManyKeysWithStartAfter() {
    List<String> keys = putMany("p/", 1100);

    try (Stream<ObjectInfo> all = store.list("p/")) {
      assertThat(all.map(ObjectInfo::key)).containsExactlyElementsOf(keys);
    }
    try (Stream<ObjectInfo> tail = store.list("p/", Optional.of("p/k0499"))) {
      assertThat(tail.map(ObjectInfo::key)).containsExactlyElementsOf(keys.subList(500, 1100));
    }
    try (Stream<ObjectInfo> beforePrefix = store.list("p/", Optional.of("a"))) {
      assertThat(beforePrefix.count()).isEqualTo(1100);
    }
    try (Stream<ObjectInfo> afterAll = store.list("p/", Optional.of("q"))) {
      assertThat(afterAll).isEmpty();
    }
    assertThat(store.list("p/k05").map(ObjectInfo::key))
        .containsExactlyElementsOf(keys.subList(500, 600));
    try (Stream<ObjectInfo> lazy = store.list("p/")) {
      assertThat(lazy.limit(3).map(ObjectInfo::key))
          .containsExactly("p/k0000", "p/k0001", "p/k0002");
    }
  }

  @Test
  void deleteAllRemovesMoreThanOneBatch() {
    List<String> keys = new ArrayList<>(putMany("del/", 1100));
    store.put("keep", bytes("k"));
    keys.add("del/never-existed");

    store.deleteAll(keys);

    assertThat(store.list("del/")).isEmpty();
    assertThat(store.list("").map(ObjectInfo::key)).containsExactly("keep");
    store.deleteAll(List.of());
  }

  @Test
  void createStreamsLargeObjectsInParts() throws IOException {
    byte[] data = new byte[10 * 1024 * 1024 + 12345];
    new Random(42).nextBytes(data);
    writeInChunks(store.create("big/object.bin", false), data);

    assertThat(store.head("big/object.bin").orElseThrow().size()).isEqualTo(data.length);
    assertThat(store.get("big/object.bin")).isEqualTo(data);
    assertThat(store.getRange("big/object.bin", 6_000_000, 10))
        .isEqualTo(java.util.Arrays.copyOfRange(data, 6_000_000, 6_000_010));

    // Create-only with the same bytes succeeds; with other bytes it fails and keeps the object.
    writeInChunks(store.create("big/object.bin", true), data);
    byte[] other = data.clone();
    other[data.length - 1] ^= 1;
    OutputStream conflicting = store.create("big/object.bin", true);
    assertThatThrownBy(() -> writeInChunks(conflicting, other))
        .isInstanceOf(ObjectExistsException.class)
        .hasMessage("Cannot create big/object.bin: object already exists with other content");
    assertThat(store.get("big/object.bin")).isEqualTo(data);
  }

  @Test
  void createOnlyStreamOfASmallObject() throws IOException {
    writeInChunks(store.create("small", true), bytes("tiny"));
    assertThat(store.get("small")).isEqualTo(bytes("tiny"));
    OutputStream conflicting = store.create("small", true);
    assertThatThrownBy(() -> writeInChunks(conflicting, bytes("other")))
        .isInstanceOf(ObjectExistsException.class)
        .hasMessage("Cannot create small: object already exists with other content");
    writeInChunks(store.create("small", false), bytes("replaced"));
    assertThat(store.get("small")).isEqualTo(bytes("replaced"));
  }

  @Test
  void putIfAbsentRejectsExistingKey() {
    assertThat(store.putIfAbsent("c/v1", bytes("first"))).isTrue();
    assertThat(store.putIfAbsent("c/v1", bytes("second"))).isFalse();
    assertThat(store.get("c/v1")).isEqualTo(bytes("first"));
  }

  @Test
  void putIfAbsentAcceptsIdenticalBytes() {
    assertThat(store.putIfAbsent("c/v1", bytes("same"))).isTrue();
    assertThat(store.putIfAbsent("c/v1", bytes("same"))).isTrue();
    assertThat(store.list("c/").map(ObjectInfo::key)).containsExactly("c/v1");
  }

  @Test
  void putIfAbsentRaceHasExactlyOneWinner() throws Exception {
    int threads = 20;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 50; round++) {
        String key = "race/r" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          byte[] data = bytes("writer " + t + " of round " + round);
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    return store.putIfAbsent(key, data);
                  }));
        }
        start.countDown();
        List<Integer> winners = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          if (results.get(t).get()) {
            winners.add(t);
          }
        }
        assertThat(winners).as("winners of round %s", round).hasSize(1);
        assertThat(store.get(key))
            .isEqualTo(bytes("writer " + winners.get(0) + " of round " + round));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void lostAcknowledgementOfOurWriteResolvesToSuccess() {
    var faults =
        new FaultInjectingObjectStore(store).loseAcknowledgement(Operation.PUT_IF_ABSENT, "c/", 2);
    var retrying = new RetryingObjectStore(faults, FAST_RETRIES);

    assertThat(retrying.putIfAbsent("c/v1", bytes("ours"))).isTrue();
    assertThat(store.get("c/v1")).isEqualTo(bytes("ours"));
  }

  @Test
  void delayedLandingOfOurWriteBeforeTheRetryIsNeverAConflict() {
    var faults = new FaultInjectingObjectStore(store);
    DelayedLanding landing = faults.delayLanding(Operation.PUT_IF_ABSENT, "c/v1");
    AtomicBoolean landed = new AtomicBoolean();
    faults.onCrashPoint(
        (point, key) -> {
          // The first attempt lands just as the retry goes out.
          if (point.equals("PUT_IF_ABSENT:before")
              && landing.captured()
              && !landed.getAndSet(true)) {
            assertThat(landing.land()).isTrue();
          }
        });
    var retrying = new RetryingObjectStore(faults, FAST_RETRIES);

    assertThat(retrying.putIfAbsent("c/v1", bytes("ours"))).isTrue();
    assertThat(landed).isTrue();
    assertThat(store.get("c/v1")).isEqualTo(bytes("ours"));
  }

  @Test
  void delayedLandingOfOurWriteAfterTheRetryChangesNothing() {
    var faults = new FaultInjectingObjectStore(store);
    DelayedLanding landing = faults.delayLanding(Operation.PUT_IF_ABSENT, "c/v1");
    var retrying = new RetryingObjectStore(faults, FAST_RETRIES);

    assertThat(retrying.putIfAbsent("c/v1", bytes("ours"))).isTrue();
    assertThat(landing.land()).isTrue();
    assertThat(store.get("c/v1")).isEqualTo(bytes("ours"));
  }

  @Test
  void delayedLandingOfAnotherWriterIsAConflict() {
    var theirs = new FaultInjectingObjectStore(store);
    DelayedLanding landing = theirs.delayLanding(Operation.PUT_IF_ABSENT, "c/v1");
    assertThatThrownBy(() -> theirs.putIfAbsent("c/v1", bytes("theirs")))
        .isInstanceOf(UnknownOutcomeException.class)
        .hasMessage("Cannot PUT_IF_ABSENT c/v1: injected delayed landing");

    // Our first attempt fails before sending; their write lands before our retry goes out.
    var ours =
        new FaultInjectingObjectStore(store).failBeforeSending(Operation.PUT_IF_ABSENT, "c/", 1);
    AtomicInteger attempts = new AtomicInteger();
    ours.onCrashPoint(
        (point, key) -> {
          if (point.equals("PUT_IF_ABSENT:before") && attempts.incrementAndGet() == 2) {
            assertThat(landing.land()).isTrue();
          }
        });
    var retrying = new RetryingObjectStore(ours, FAST_RETRIES);

    assertThat(retrying.putIfAbsent("c/v1", bytes("ours"))).isFalse();
    assertThat(store.get("c/v1")).isEqualTo(bytes("theirs"));
  }

  @Test
  void delayedLandingOfAnotherWriterAfterOursIsRejected() {
    var theirs = new FaultInjectingObjectStore(store);
    DelayedLanding landing = theirs.delayLanding(Operation.PUT_IF_ABSENT, "c/v1");
    assertThatThrownBy(() -> theirs.putIfAbsent("c/v1", bytes("theirs")))
        .isInstanceOf(UnknownOutcomeException.class)
        .hasMessage("Cannot PUT_IF_ABSENT c/v1: injected delayed landing");

    assertThat(store.putIfAbsent("c/v1", bytes("ours"))).isTrue();
    assertThat(landing.land()).isFalse();
    assertThat(store.get("c/v1")).isEqualTo(bytes("ours"));
  }

  /** Puts {@code count} keys {@code prefix + kNNNN} concurrently; returns them in order. */
  protected List<String> putMany(String prefix, int count) {
    List<String> keys =
        IntStream.range(0, count).mapToObj(i -> prefix + "k%04d".formatted(i)).toList();
    ExecutorService pool = Executors.newFixedThreadPool(writerThreads());
    try {
      List<Future<?>> writes = new ArrayList<>();
      for (String key : keys) {
        writes.add(pool.submit(() -> store.put(key, bytes(key))));
      }
      for (Future<?> write : writes) {
        write.get();
      }
    } catch (Exception e) {
      throw new AssertionError("Cannot put " + count + " keys", e);
    } finally {
      pool.shutdownNow();
    }
    return keys;
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(UTF_8);
  }

  private static void writeInChunks(OutputStream out, byte[] data) throws IOException {
    try (out) {
      for (int offset = 0; offset < data.length; offset += 65536) {
        out.write(data, offset, Math.min(65536, data.length - offset));
      }
    }
  }
}
