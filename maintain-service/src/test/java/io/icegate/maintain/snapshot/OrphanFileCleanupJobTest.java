package io.icegate.maintain.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.store.FaultInjectingObjectStore.Operation;
import io.icegate.lake.store.ObjectInfo;
import io.icegate.maintain.TestLake;
import io.icegate.maintain.job.JobReport;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.Snapshot;
import org.junit.jupiter.api.Test;

class OrphanFileCleanupJobTest {
  private static final Duration GRACE = Duration.ofDays(1);

  @Test
  void deletesUnreachableFilesOlderThanTheGracePeriodOnly() {
    try (TestLake lake = new TestLake("lane-0")) {
      lake.append(0, 3);
      lake.shifter().shiftOnce().orElseThrow();
      lake.append(3, 3);
      lake.shifter().shiftOnce().orElseThrow();
      String tablePrefix = lake.locations.key(lake.logs().location()) + "/";
      String orphanData = tablePrefix + "data/tenant_id=team-a/orphan.parquet";
      String orphanMetadata = tablePrefix + "metadata/99999-orphan.metadata.json";
      lake.store.put(orphanData, new byte[100]);
      lake.store.put(orphanMetadata, new byte[10]);
      List<String> reachable =
          keys(lake, tablePrefix).stream().filter(k -> !k.contains("orphan")).toList();

      assertThat(job(lake).run(false).objects()).isZero(); // younger than the grace period

      lake.clock.advance(GRACE.plusMinutes(1));
      JobReport dryRun = job(lake).run(true);
      assertThat(dryRun.examples()).containsExactlyInAnyOrder(orphanData, orphanMetadata);
      assertThat(dryRun.bytes()).isEqualTo(110);
      assertThat(keys(lake, tablePrefix)).contains(orphanData, orphanMetadata);

      job(lake).run(false);

      assertThat(keys(lake, tablePrefix)).containsExactlyInAnyOrderElementsOf(reachable);
      assertThat(lake.bodies(lake.view())).containsExactlyInAnyOrderElementsOf(bodies(0, 6));
    }
  }

  /** A 503 while reading one manifest of the reachability scan: the run fails, nothing goes. */
  @Test
  void failsClosedOnAReadErrorDuringTheReachabilityScan() {
    try (TestLake lake = new TestLake("lane-0")) {
      lake.append(0, 3);
      lake.shifter().shiftOnce().orElseThrow();
      lake.append(3, 3);
      lake.shifter().shiftOnce().orElseThrow();
      String tablePrefix = lake.locations.key(lake.logs().location()) + "/";
      String orphan = tablePrefix + "data/orphan.parquet";
      lake.store.put(orphan, new byte[100]);
      lake.clock.advance(GRACE.plusMinutes(1));
      Snapshot first = lake.metadata().snapshots().get(0);
      ManifestFile manifest = first.allManifests(lake.logs().io()).get(0);
      String manifestKey = lake.locations.key(manifest.path());
      List<String> before = keys(lake, tablePrefix);
      lake.store.failBeforeSending(Operation.GET_RANGE, manifestKey, 1);
      lake.store.failBeforeSending(Operation.GET, manifestKey, 1);

      assertThatThrownBy(() -> job(lake).run(false)).hasMessageContaining("Cannot");

      assertThat(keys(lake, tablePrefix)).containsExactlyInAnyOrderElementsOf(before);
      lake.store.clear();
      // The same run without the fault does delete the orphan: the fault alone saved it.
      assertThat(job(lake).run(false).examples()).containsExactly(orphan);
      assertThat(lake.bodies(lake.view())).containsExactlyInAnyOrderElementsOf(bodies(0, 6));
    }
  }

  private static OrphanFileCleanupJob job(TestLake lake) {
    return new OrphanFileCleanupJob(lake.catalog(), lake.store, lake.locations, GRACE, lake.clock);
  }

  private static List<String> keys(TestLake lake, String prefix) {
    try (Stream<ObjectInfo> objects = lake.memory.list(prefix)) {
      return objects.map(ObjectInfo::key).toList();
    }
  }

  private static List<String> bodies(int from, int to) {
    return IntStream.range(from, to).mapToObj(TestLake::body).toList();
  }
}
