package io.icegate.ingest.shift;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.StorageSettings;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 of a shifter process at each step of a cycle ({@link ShifterProcessMain#CRASH_POINTS}),
 * then a restart on the same local store: the table holds exactly the acknowledged rows, the
 * crashed cycle's data files are listed as orphans when its commit did not land, and none are when
 * it did.
 */
class ShifterCrashTest {
  private static final Set<String> COMMIT_LANDED = Set.of("root-written", "committed");

  @TempDir Path folder;
  @TempDir Path outputs;

  @ParameterizedTest
  @MethodSource("crashPoints")
  void restartAfterKillNineHoldsExactlyTheAcknowledgedRows(String point) throws Exception {
    StorageSettings settings = StorageSettings.local(folder);
    try (ObjectStore store = ObjectStores.open(settings)) {
      ObjectStoreCatalog catalog = ShiftFixtures.catalog(store, settings.rootLocation());
      List<String> acked = append(store, 0, 20);
      ShiftFixtures.drain(shifter(store, catalog));
      acked.addAll(append(store, 20, 30));

      Process child =
          ShifterProcessMain.start(
              point,
              settings,
              outputs.resolve("out.txt"),
              Path.of("target", "shifter-crash-" + point + ".log"));
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue())
          .as("killed at %s; see target/shifter-crash-%s.log", point, point)
          .isEqualTo(ShifterProcessMain.CRASH_EXIT);

      Table table = ShiftFixtures.logs(catalog);
      Set<String> orphans = ShiftFixtures.orphans(table);
      if (COMMIT_LANDED.contains(point)) {
        assertThat(ShiftFixtures.rows(table)).containsExactlyInAnyOrderElementsOf(acked);
        assertThat(orphans).isEmpty();
      } else {
        assertThat(ShiftFixtures.rows(table))
            .containsExactlyInAnyOrderElementsOf(acked.subList(0, 20));
        assertThat(orphans).as("data files of the crashed cycle").isNotEmpty();
      }

      // The restart: a new process (a fresh catalog) shifts what is left.
      ObjectStoreCatalog restarted = ShiftFixtures.catalog(store, settings.rootLocation());
      ShiftFixtures.drain(shifter(store, restarted));
      table = ShiftFixtures.logs(restarted);
      assertThat(ShiftFixtures.rows(table)).containsExactlyInAnyOrderElementsOf(acked);
      assertThat(ShiftFixtures.orphans(table)).isEqualTo(orphans);
      ShiftFixtures.assertOffsetsNeverGoBack(table);
    }
  }

  static List<String> crashPoints() {
    return ShifterProcessMain.CRASH_POINTS;
  }

  /** Appends batches {@code first …} to lane-0 and returns their rows once all are acknowledged. */
  private static List<String> append(ObjectStore store, int first, int count) {
    WalWriterSettings walSettings =
        new WalWriterSettings(
            List.of("lane-0"), 1 << 20, Duration.ZERO, Duration.ofSeconds(60), 64L << 20);
    List<String> rows = new ArrayList<>();
    try (WalWriter wal =
        new WalWriter(store, WalSignal.LOGS, walSettings, lane -> 0, Clock.systemUTC())) {
      for (int n = first; n < first + count; n++) {
        WalBatchRows batch = ShiftFixtures.batch(2, n);
        wal.append(batch, 100).join();
        rows.addAll(ShiftFixtures.canonical(batch));
      }
    }
    return rows;
  }

  private static Shifter shifter(ObjectStore store, ObjectStoreCatalog catalog) {
    return new Shifter(
        ShiftFixtures.logs(catalog), store, WalSignal.LOGS, ShiftSettings.defaults());
  }
}
