package io.icegate.maintain.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.ingest.shift.ShiftSettings;
import io.icegate.ingest.shift.Shifter;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.schema.LakeTableCreator;
import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.StorageSettings;
import io.icegate.lake.view.LakeQuery;
import io.icegate.lake.view.LakeView;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import io.icegate.maintain.TestLake;
import io.icegate.maintain.job.JobReport;
import io.icegate.maintain.snapshot.OrphanFileCleanupJob;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 of a compactor process at each step of its commit ({@link
 * CompactorProcessMain#CRASH_POINTS}): the lake then holds every row exactly once; the crashed
 * attempt's files are found by the orphan job when its commit did not land; a new compaction
 * finishes the work.
 */
class CompactionCrashTest {
  @TempDir Path folder;
  @TempDir Path outputs;

  @ParameterizedTest
  @MethodSource("crashPoints")
  void noRowIsLostOrRepeatedAndTheFailedAttemptsFilesAreOrphans(String point) throws Exception {
    StorageSettings settings = StorageSettings.local(folder);
    LakeLocations locations = new LakeLocations(settings.rootLocation());
    try (ObjectStore store = ObjectStores.open(settings)) {
      ObjectStoreCatalog catalog = catalog(store, locations);
      fill(store, catalog);
      List<String> before = bodies(catalog, store);
      assertThat(before).hasSize(50);

      Process child =
          CompactorProcessMain.start(
              point,
              folder,
              outputs.resolve("out.txt"),
              Path.of("target", "compaction-crash-" + point + ".log"));
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue())
          .as("killed at %s; see target/compaction-crash-%s.log", point, point)
          .isEqualTo(CompactorProcessMain.CRASH_EXIT);

      ObjectStoreCatalog restarted = catalog(store, locations);
      assertThat(bodies(restarted, store)).containsExactlyInAnyOrderElementsOf(before);
      Table logs = restarted.loadTable(LakeTables.logs().identifier());
      int filesAfterCrash = CompactionJobTest.dataFiles(logs).size();
      assertThat(filesAfterCrash).isEqualTo(point.equals("committed") ? 1 : 5);

      // Two days later (past the grace period) the orphan job lists the failed attempt's files.
      Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));
      JobReport orphans =
          new OrphanFileCleanupJob(restarted, store, locations, Duration.ofHours(1), later)
              .run(true);
      List<String> compactedOrphans =
          orphans.examples().stream().filter(key -> key.contains("compact-")).toList();
      if (point.equals("committed")) {
        assertThat(compactedOrphans).isEmpty();
      } else {
        assertThat(compactedOrphans).as("data files of the crashed compaction").isNotEmpty();
      }

      // A new compaction finishes the work; still every row once.
      new CompactionJob(restarted, CompactionJobTest.SETTINGS).run(false);
      assertThat(CompactionJobTest.dataFiles(logs)).hasSize(1);
      assertThat(bodies(restarted, store)).containsExactlyInAnyOrderElementsOf(before);
    }
  }

  static List<String> crashPoints() {
    return CompactorProcessMain.CRASH_POINTS;
  }

  private static ObjectStoreCatalog catalog(ObjectStore store, LakeLocations locations) {
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, locations);
    catalog.initialize("lake", Map.of());
    new LakeTableCreator(catalog).createMissing();
    return catalog;
  }

  /** 50 rows in 5 shift cycles: 5 small files in one partition. */
  private static void fill(ObjectStore store, ObjectStoreCatalog catalog) {
    WalWriterSettings walSettings =
        new WalWriterSettings(
            List.of("lane-0"), 16L << 20, Duration.ZERO, Duration.ofSeconds(30), 64L << 20);
    try (WalWriter wal =
        new WalWriter(store, WalSignal.LOGS, walSettings, lane -> 0, Clock.systemUTC())) {
      Shifter shifter =
          new Shifter(
              catalog.loadTable(LakeTables.logs().identifier()),
              store,
              WalSignal.LOGS,
              ShiftSettings.defaults());
      for (int cycle = 0; cycle < 5; cycle++) {
        for (int i = cycle * 10; i < cycle * 10 + 10; i++) {
          wal.append(TestLake.batch(i), 10).join();
        }
        assertThat(shifter.shiftOnce()).isPresent();
      }
    }
  }

  private static List<String> bodies(ObjectStoreCatalog catalog, ObjectStore store) {
    return new LakeView(catalog, store, Duration.ofMinutes(15))
        .read(LakeQuery.all(TestLake.TENANT, WalSignal.LOGS)).stream()
            .map(row -> (String) row.getField("body"))
            .toList();
  }
}
