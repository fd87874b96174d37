package io.icegate.maintain.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.view.LakeView;
import io.icegate.maintain.TestLake;
import io.icegate.maintain.job.JobReport;
import io.icegate.maintain.wal.WalCleanupJob;
import io.icegate.maintain.wal.WalCleanupSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.apache.iceberg.Snapshot;
import org.junit.jupiter.api.Test;

class SnapshotExpiryJobTest {
  private static final Duration RETENTION = Duration.ofHours(1);
  private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(5);

  @Test
  void expiresOldSnapshotsButKeepsTheNewestWithOffsetsAndTheWayToIt() {
    try (TestLake lake = new TestLake("lane-0")) {
      lake.append(0, 3);
      lake.shifter().shiftOnce().orElseThrow();
      long first = lake.logs().currentSnapshot().snapshotId();
      lake.append(3, 3);
      lake.shifter().shiftOnce().orElseThrow();
      long withOffsets = lake.logs().currentSnapshot().snapshotId();
      Map<String, Long> offsets = lake.committedOffsets();
      // Two commits by another writer (compaction, Spark): no offsets in their summaries.
      lake.logs().newAppend().commit();
      lake.logs().newAppend().commit();
      lake.clock.advance(RETENTION.multipliedBy(2));

      JobReport dryRun = job(lake).run(true);
      assertThat(dryRun.actions()).containsExactly(expireAction(first));
      assertThat(snapshotIds(lake)).contains(first);

      job(lake).run(false);

      assertThat(snapshotIds(lake)).doesNotContain(first).contains(withOffsets).hasSize(3);
      assertThat(lake.committedOffsets()).isEqualTo(offsets);
      // The shifter still finds its offsets and goes on; readers see every row once.
      lake.append(6, 2);
      lake.shifter().shiftOnce().orElseThrow();
      assertThat(lake.bodies(lake.view())).containsExactlyInAnyOrderElementsOf(bodies(0, 8));
    }
  }

  /**
   * A read plans on a snapshot and pauses before reading its manifest list; meanwhile two shifts
   * replace that snapshot and every cleanup job runs a query timeout later. The snapshot is still
   * within the retention counted from when it stopped being current, so the read completes on its
   * plan with every row exactly once.
   */
  @Test
  void aPausedQueryStillReadsTheSnapshotItPlannedOn() throws Exception {
    try (TestLake lake = new TestLake("lane-0")) {
      lake.append(0, 4);
      lake.shifter().shiftOnce().orElseThrow();
      lake.append(4, 3);
      Snapshot planned = lake.logs().currentSnapshot();
      String manifestList = lake.locations.key(planned.manifestListLocation());
      CountDownLatch paused = new CountDownLatch(1);
      CountDownLatch resume = new CountDownLatch(1);
      AtomicBoolean once = new AtomicBoolean();
      lake.store.onCrashPoint(
          (point, key) -> {
            if (key.equals(manifestList) && once.compareAndSet(false, true)) {
              paused.countDown();
              await(resume);
            }
          });
      LakeView view = lake.view();
      CompletableFuture<List<String>> read = CompletableFuture.supplyAsync(() -> lake.bodies(view));
      assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();

      lake.shifter().shiftOnce().orElseThrow();
      lake.append(7, 2);
      lake.shifter().shiftOnce().orElseThrow();
      lake.clock.advance(QUERY_TIMEOUT);
      job(lake).run(false);
      new OrphanFileCleanupJob(
              lake.catalog(), lake.store, lake.locations, Duration.ofDays(1), lake.clock)
          .run(false);
      new WalCleanupJob(
              lake.catalog(),
              lake.store,
              WalCleanupSettings.defaults(QUERY_TIMEOUT, Duration.ofMinutes(15)),
              lake.clock)
          .run(false);
      assertThat(snapshotIds(lake)).contains(planned.snapshotId());
      assertThat(lake.memory.head(manifestList)).isPresent();

      resume.countDown();
      // Table rows of the planned snapshot, then the WAL beyond its offsets as listed now: rows 7
      // and 8 were acknowledged before that listing, so they show too.
      assertThat(read.get(60, TimeUnit.SECONDS)).containsExactlyInAnyOrderElementsOf(bodies(0, 9));
      assertThat(once.get()).isTrue();

      // Once the retention has passed since it was replaced, the same snapshot does expire.
      lake.clock.advance(RETENTION.multipliedBy(2));
      job(lake).run(false);
      assertThat(snapshotIds(lake)).doesNotContain(planned.snapshotId());
      assertThat(lake.memory.head(manifestList)).isEmpty();
      assertThat(lake.bodies(lake.view())).containsExactlyInAnyOrderElementsOf(bodies(0, 9));
    }
  }

  @Test
  void keepsAncestorsThroughTheOneCurrentWhenTheRetentionBegan() {
    try (TestLake lake = new TestLake("lane-0")) {
      for (int i = 0; i < 3; i++) {
        lake.append(i, 1);
        lake.shifter().shiftOnce().orElseThrow();
      }
      long now = System.currentTimeMillis();

      assertThat(SnapshotExpiryJob.ancestorsToKeep(lake.metadata(), now - 60_000)).isEqualTo(3);
      assertThat(SnapshotExpiryJob.ancestorsToKeep(lake.metadata(), now + 60_000)).isEqualTo(1);
      lake.logs().newAppend().commit();
      assertThat(SnapshotExpiryJob.ancestorsToKeep(lake.metadata(), now + 60_000)).isEqualTo(2);
    }
  }

  private static SnapshotExpiryJob job(TestLake lake) {
    return new SnapshotExpiryJob(lake.catalog(), RETENTION, lake.clock);
  }

  private static String expireAction(long snapshotId) {
    return "expire snapshot " + snapshotId + " of lake.icegate.logs";
  }

  private static List<Long> snapshotIds(TestLake lake) {
    return lake.metadata().snapshots().stream().map(Snapshot::snapshotId).toList();
  }

  private static List<String> bodies(int from, int to) {
    return IntStream.range(from, to).mapToObj(TestLake::body).toList();
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
