package io.icegate.lake.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.store.FaultInjectingObjectStore;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.store.ObjectStore;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalReaderLanesTest {
  @TempDir Path folder;

  @Test
  void findsEveryLaneWithOneListingPerLaneWhateverItsSegmentCount() {
    InMemoryObjectStore memory = new InMemoryObjectStore();
    fill(memory);
    AtomicInteger listings = new AtomicInteger();
    FaultInjectingObjectStore counting =
        new FaultInjectingObjectStore(memory)
            .onCrashPoint(
                (point, key) -> {
                  if (point.equals("LIST:before")) {
                    listings.incrementAndGet();
                  }
                });

    assertThat(new WalReader(counting).lanes(WalSignal.LOGS))
        .containsExactly("a", "a-1", "a.b", "b", "z");
    // 5 lanes, the index folder, a stray under a non-lane folder and the end: far below 300 keys.
    assertThat(listings.get()).isLessThan(15);
  }

  @Test
  void findsTheSameLanesOnTheLocalStore() {
    ObjectStore local = new LocalObjectStore(folder);
    fill(local);

    assertThat(new WalReader(local).lanes(WalSignal.LOGS))
        .containsExactly("a", "a-1", "a.b", "b", "z");
    assertThat(new WalReader(local).lanes(WalSignal.SPANS)).isEmpty();
  }

  private static void fill(ObjectStore store) {
    for (String lane : List.of("a", "a-1", "a.b", "b", "z")) {
      for (long seq = 1; seq <= 60; seq++) {
        store.put(new WalKeys.SegmentId(WalSignal.LOGS, lane, seq).key(), new byte[1]);
      }
    }
    store.put("wal/logs/_batches/0001.json", new byte[1]);
    store.put("wal/logs/_batches/0002.json", new byte[1]);
    store.put("wal/logs/a/notes.txt", new byte[1]);
    store.put("wal/logs/b/~stray", new byte[1]);
    store.put("wal/logs/stray", new byte[1]);
    store.put("wal/logs/c/not-a-segment", new byte[1]);
    store.put("wal/metrics/m/00000000000000000001.parquet", new byte[1]);
  }
}
