package io.icegate.maintain.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.ingest.shift.Shifter;
import io.icegate.lake.store.FaultInjectingObjectStore;
import io.icegate.lake.view.LakeView;
import io.icegate.lake.wal.WalBatchIndex;
import io.icegate.lake.wal.WalSignal;
import io.icegate.maintain.TestLake;
import io.icegate.maintain.job.JobReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;

class WalCleanupJobTest {
  private static final Duration GRACE = Duration.ofMinutes(15);
  private static final Duration LANE_TTL = Duration.ofDays(7);

  @Test
  void keepsSegmentsUntilAShiftOlderThanTheGracePeriodCoversThem() {
    try (TestLake lake = new TestLake("lane-0")) {
      lake.append(0, 5);
      lake.shifter().shiftOnce().orElseThrow();
      lake.append(5, 3); // a lagging shifter: segments 6-8 are not shifted

      JobReport young = job(lake).run(false);

      assertThat(young.objects()).isZero();
      assertThat(lake.segments("lane-0")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);

      lake.clock.advance(GRACE.plusSeconds(1));
      job(lake).run(false);

      assertThat(lake.segments("lane-0")).containsExactly(6L, 7L, 8L);
      assertThat(lake.bodies(lake.view())).containsExactlyInAnyOrderElementsOf(bodies(0, 8));
    }
  }

  @Test
  void neverDeletesTheHighestSegmentOfAnActiveLane() {
    try (TestLake lake = new TestLake("lane-0", "lane-1")) {
      lake.append(0, 6);
      lake.shifter().shiftOnce().orElseThrow();
      lake.clock.advance(GRACE.plusSeconds(1));

      job(lake).run(false);

      assertThat(lake.segments("lane-0")).hasSize(1);
      assertThat(lake.segments("lane-1")).hasSize(1);
      assertThat(lake.committedOffsets()).containsOnlyKeys("lane-0", "lane-1");
      assertThat(lake.bodies(lake.view())).containsExactlyInAnyOrderElementsOf(bodies(0, 6));
    }
  }

  @Test
  void dryRunReportsWhatItWouldDeleteAndDeletesNothing() {
    try (TestLake lake = new TestLake("lane-0")) {
      lake.append(0, 4);
      lake.shifter().shiftOnce().orElseThrow();
      lake.clock.advance(GRACE.plusSeconds(1));

      JobReport report = job(lake).run(true);

      assertThat(report.dryRun()).isTrue();
      assertThat(report.objects()).isEqualTo(3);
      assertThat(report.bytes()).isPositive();
      assertThat(report.examples())
          .containsExactly(
              "wal/logs/lane-0/00000000000000000001.parquet",
              "wal/logs/lane-0/00000000000000000002.parquet",
              "wal/logs/lane-0/00000000000000000003.parquet");
      assertThat(lake.segments("lane-0")).containsExactly(1L, 2L, 3L, 4L);
    }
  }

  /**
   * A shifter pauses mid-cycle (after planning, while reading its segments); cleanup runs as if far
   * in the future. The segments the shifter reads are beyond the committed offsets, so they stay,
   * and the shifter's commit then stores every row once.
   */
  @Test
  void neverDeletesSegmentsALaggingShifterIsReading() throws Exception {
    try (TestLake lake = new TestLake("lane-0")) {
      lake.append(0, 3);
      lake.shifter().shiftOnce().orElseThrow();
      lake.append(3, 4);
      CountDownLatch paused = new CountDownLatch(1);
      CountDownLatch resume = new CountDownLatch(1);
      lake.store.onCrashPoint(
          (point, key) -> {
            if (point.equals("GET:before") && key.endsWith("00000000000000000005.parquet")) {
              paused.countDown();
              await(resume);
            }
          });
      Shifter shifter = lake.shifter();
      CompletableFuture<Optional<Shifter.ShiftResult>> shift =
          CompletableFuture.supplyAsync(shifter::shiftOnce);
      assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();

      lake.clock.advance(Duration.ofDays(30));
      job(lake).run(false);
      assertThat(lake.segments("lane-0")).containsExactly(4L, 5L, 6L, 7L);

      resume.countDown();
      assertThat(shift.get(30, TimeUnit.SECONDS)).isPresent();
      assertThat(lake.bodies(lake.view())).containsExactlyInAnyOrderElementsOf(bodies(0, 7));
      lake.store.onCrashPoint((point, key) -> {});
    }
  }

  @Test
  void keepsBatchIndexObjectsForTheDedupWindowPlusGrace() {
    try (TestLake lake = new TestLake("lane-0")) {
      lake.append(0, 2);
      lake.shifter().shiftOnce().orElseThrow();
      String index = lake.logs().currentSnapshot().summary().get(WalBatchIndex.SUMMARY_KEY);
      lake.clock.advance(GRACE.plusMinutes(14)); // window 15 min + grace 15 min not yet over

      job(lake).run(false);
      assertThat(lake.memory.head(index)).isPresent();

      lake.clock.advance(Duration.ofMinutes(2));
      job(lake).run(false);
      assertThat(lake.memory.head(index)).isEmpty();
      assertThat(lake.memory.list(WalBatchIndex.prefix(WalSignal.LOGS))).isEmpty();
    }
  }

  @Test
  void retiresALaneIdleLongerThanItsTtlThenDropsItsOffsetEntry() {
    try (TestLake lake = new TestLake("lane-0", "lane-1")) {
      lake.append(0, 4);
      lake.shifter().shiftOnce().orElseThrow();
      assertThat(lake.committedOffsets()).containsOnlyKeys("lane-0", "lane-1");
      lake.clock.advance(LANE_TTL.plusSeconds(1));

      JobReport report = job(lake).run(false);

      // Both lanes idle: both last segments go, but one offset entry must stay.
      assertThat(lake.segments("lane-0")).isEmpty();
      assertThat(lake.segments("lane-1")).isEmpty();
      assertThat(lake.committedOffsets()).hasSize(1);
      assertThat(report.actions()).anyMatch(a -> a.startsWith("drop offset entries"));
      assertThat(lake.bodies(lake.view())).containsExactlyInAnyOrderElementsOf(bodies(0, 4));

      // The writer kept running: its next segments sit above the deleted ones, on a lane the
      // offsets no longer know. The shifter must start such a lane at its lowest present seq.
      lake.append(200, 4);
      lake.shifter().shiftOnce();
      List<String> stored = new ArrayList<>();
      try (CloseableIterable<Record> rows = IcebergGenerics.read(lake.logs()).build()) {
        rows.forEach(row -> stored.add((String) row.getField("body")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<String> all = new ArrayList<>(bodies(0, 4));
      all.addAll(bodies(200, 204));
      assertThat(stored).containsExactlyInAnyOrderElementsOf(all);
    }
    try (TestLake lake = new TestLake("lane-0", "lane-1")) {
      lake.append(0, 4);
      lake.shifter().shiftOnce().orElseThrow();
      lake.clock.advance(LANE_TTL.plusSeconds(1));
      // lane-0 stays busy: a new, unshifted segment.
      lake.wal.append(TestLake.batch(100), 10).join();
      List<Long> before = new ArrayList<>(lake.segments("lane-0"));
      before.addAll(lake.segments("lane-1"));

      job(lake).run(false);

      assertThat(lake.segments("lane-0").size() + lake.segments("lane-1").size()).isEqualTo(1);
      assertThat(lake.committedOffsets()).hasSize(1);
      List<String> expected = new ArrayList<>(bodies(0, 4));
      expected.add(TestLake.body(100));
      LakeView view = lake.view();
      assertThat(lake.bodies(view)).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void failsTheRunWithoutDeletingWhenTheTableCannotBeRead() {
    try (TestLake lake = new TestLake("lane-0")) {
      lake.append(0, 3);
      lake.shifter().shiftOnce().orElseThrow();
      lake.clock.advance(GRACE.plusSeconds(1));
      lake.store.failBeforeSending(FaultInjectingObjectStore.Operation.LIST, "wal/logs/", 1);

      assertThatRunFails(lake);
      assertThat(lake.segments("lane-0")).containsExactly(1L, 2L, 3L);
    }
  }

  private static void assertThatRunFails(TestLake lake) {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> job(lake).run(false))
        .hasMessageContaining("wal/logs/");
  }

  private static WalCleanupJob job(TestLake lake) {
    return new WalCleanupJob(
        lake.catalog(),
        lake.store,
        new WalCleanupSettings(GRACE, Duration.ofMinutes(15), LANE_TTL),
        lake.clock);
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
