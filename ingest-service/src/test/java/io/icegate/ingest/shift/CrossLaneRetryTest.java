package io.icegate.ingest.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A client retries a request whose acknowledgement it lost against a second ingest process: the
 * same batch (same batch id) lands in two lanes of two WAL writers. Within the dedup window the
 * table stores it once, whether both copies are shifted in one cycle or the retry arrives after the
 * original was shifted. Outside the window it is stored twice (docs/shifter.md).
 */
class CrossLaneRetryTest {
  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final ObjectStoreCatalog catalog = ShiftFixtures.catalog(store, "memory://lake");
  private final WalWriter first = writer("ingest-a-0");
  private final WalWriter second = writer("ingest-b-0");

  @AfterEach
  void close() {
    first.close();
    second.close();
  }

  @Test
  void retryToAnotherLaneShiftedInTheSameCycleIsStoredOnce() {
    List<String> expected = new ArrayList<>();
    for (int n = 0; n < 10; n++) {
      WalBatchRows batch = ShiftFixtures.batch(4, n);
      first.append(batch, 100).join();
      if (n % 2 == 0) {
        second.append(batch, 100).join(); // the retry, acknowledged again
      }
      expected.addAll(ShiftFixtures.canonical(batch));
    }

    Shifter.ShiftResult result = shifter(ShiftSettings.defaults()).shiftOnce().orElseThrow();

    assertThat(result.offsets()).containsOnlyKeys("ingest-a-0", "ingest-b-0");
    assertThat(result.duplicateRows()).isEqualTo(5);
    assertThat(ShiftFixtures.rows(ShiftFixtures.logs(catalog)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void retryToAnotherLaneAfterTheOriginalWasShiftedIsStoredOnce() {
    WalBatchRows batch = ShiftFixtures.batch(5, 1);
    first.append(batch, 100).join();
    shifter(ShiftSettings.defaults()).shiftOnce().orElseThrow();
    second.append(batch, 100).join();

    Shifter.ShiftResult retry = shifter(ShiftSettings.defaults()).shiftOnce().orElseThrow();

    assertThat(retry.rows()).isZero();
    assertThat(retry.duplicateRows()).isEqualTo(1);
    assertThat(retry.offsets()).containsEntry("ingest-b-0", 1L);
    assertThat(ShiftFixtures.rows(ShiftFixtures.logs(catalog)))
        .containsExactlyElementsOf(ShiftFixtures.canonical(batch));
  }

  @Test
  void retryOutsideTheDedupWindowIsStoredAgain() {
    Duration window = Duration.ofMillis(50);
    WalBatchRows batch = ShiftFixtures.batch(6, 1);
    first.append(batch, 100).join();
    shifter(ShiftSettings.defaults().withDedupWindow(window)).shiftOnce().orElseThrow();
    long committedAt = ShiftFixtures.logs(catalog).currentSnapshot().timestampMillis();
    await().until(() -> System.currentTimeMillis() > committedAt + window.toMillis());
    second.append(batch, 100).join();

    Shifter.ShiftResult late =
        shifter(ShiftSettings.defaults().withDedupWindow(window)).shiftOnce().orElseThrow();

    assertThat(late.rows()).isEqualTo(1);
    List<String> twice = new ArrayList<>(ShiftFixtures.canonical(batch));
    twice.addAll(ShiftFixtures.canonical(batch));
    assertThat(ShiftFixtures.rows(ShiftFixtures.logs(catalog))).containsExactlyElementsOf(twice);
  }

  private Shifter shifter(ShiftSettings settings) {
    // A fresh catalog per shifter, as in another process.
    return new Shifter(
        ShiftFixtures.logs(ShiftFixtures.catalog(store, "memory://lake")),
        store,
        WalSignal.LOGS,
        settings);
  }

  private WalWriter writer(String lane) {
    WalWriterSettings settings =
        new WalWriterSettings(
            List.of(lane), 1 << 20, Duration.ZERO, Duration.ofSeconds(30), 64L << 20);
    return new WalWriter(store, WalSignal.LOGS, settings, l -> 0, Clock.systemUTC());
  }
}
