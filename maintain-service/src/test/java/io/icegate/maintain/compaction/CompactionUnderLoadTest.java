package io.icegate.maintain.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.ingest.shift.Shifter;
import io.icegate.lake.view.LakeView;
import io.icegate.maintain.TestLake;
import io.icegate.maintain.job.JobReport;
import io.icegate.maintain.snapshot.SnapshotExpiryJob;
import io.icegate.maintain.wal.WalCleanupJob;
import io.icegate.maintain.wal.WalCleanupSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The race: for 60 s the real WAL writer appends on two lanes, the real shifter commits
 * about every second, compaction rewrites the small files it leaves as fast as it can, and WAL
 * cleanup and snapshot expiry (grace periods of seconds) delete under the readers. At every read
 * through the lake view: acknowledged ⊆ visible ⊆ sent, no row twice, the count never falls.
 */
class CompactionUnderLoadTest {
  private static final long APPEND_NANOS = TimeUnit.SECONDS.toNanos(60);
  private static final Duration GRACE = Duration.ofSeconds(3);
  private static final Duration RETENTION = Duration.ofSeconds(5);

  @Test
  void readersNeverMissNorRepeatARowWhileCompactionRacesTheShifter() throws Exception {
    try (TestLake lake = new TestLake("lane-0", "lane-1")) {
      race(lake);
    }
  }

  /** The race on {@code lake}, whose WAL writer has two lanes. */
  static void race(TestLake lake) throws Exception {
    {
      Set<String> sent = ConcurrentHashMap.newKeySet();
      Set<String> acked = ConcurrentHashMap.newKeySet();
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicLong shifts = new AtomicLong();
      AtomicLong compacted = new AtomicLong();
      AtomicLong snapshotsExpired = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        Future<?> appender =
            pool.submit(
                () -> {
                  long end = System.nanoTime() + APPEND_NANOS;
                  for (int i = 0; System.nanoTime() < end; i++) {
                    sent.add(TestLake.body(i));
                    lake.wal.append(TestLake.batch(i), 10).join();
                    acked.add(TestLake.body(i));
                  }
                  return null;
                });
        Future<?> shifting =
            pool.submit(
                () -> {
                  Shifter shifter = lake.shifter();
                  while (running.get()) {
                    if (shifter.shiftOnce().isPresent()) {
                      shifts.incrementAndGet();
                    }
                    Thread.sleep(1000);
                  }
                  return null;
                });
        Future<?> compaction =
            pool.submit(
                () -> {
                  CompactionJob job = new CompactionJob(lake.catalog(), CompactionJobTest.SETTINGS);
                  while (running.get()) {
                    JobReport report = job.run(false);
                    compacted.addAndGet(
                        report.counts().getOrDefault("compaction.rewritten.files", 0L));
                    Thread.sleep(200);
                  }
                  return null;
                });
        Future<?> cleanup =
            pool.submit(
                () -> {
                  WalCleanupJob walCleanup =
                      new WalCleanupJob(
                          lake.catalog(),
                          lake.store,
                          new WalCleanupSettings(GRACE, GRACE, Duration.ofDays(7)),
                          Clock.systemUTC());
                  SnapshotExpiryJob expiry =
                      new SnapshotExpiryJob(lake.catalog(), RETENTION, Clock.systemUTC());
                  while (running.get()) {
                    walCleanup.run(false);
                    snapshotsExpired.addAndGet(expiry.run(false).actions().size());
                    Thread.sleep(100);
                  }
                  return null;
                });
        LakeView view = new LakeView(lake.catalog(), lake.store, GRACE);
        int last = 0;
        int reads = 0;
        while (!appender.isDone() || reads < 3) {
          Set<String> ackedBefore = new HashSet<>(acked);
          List<String> visible = lake.bodies(view);
          Set<String> sentAfter = new HashSet<>(sent);

          assertThat(new HashSet<>(visible)).hasSameSizeAs(visible);
          assertThat(visible).containsAll(ackedBefore);
          assertThat(sentAfter).containsAll(visible);
          assertThat(visible.size()).isGreaterThanOrEqualTo(last);
          last = visible.size();
          reads++;
        }
        appender.get();
        running.set(false);
        shifting.get();
        compaction.get();
        cleanup.get();
      } finally {
        running.set(false);
        pool.shutdownNow();
      }
      assertThat(lake.bodies(new LakeView(lake.catalog(), lake.store, GRACE)))
          .containsExactlyInAnyOrderElementsOf(sent);
      // Everything really ran under the readers, and compaction kept the file count down.
      assertThat(shifts.get()).isGreaterThan(10);
      assertThat(compacted.get()).isPositive();
      assertThat(snapshotsExpired.get()).isPositive();
      assertThat(CompactionJobTest.dataFiles(lake.logs()).size()).isLessThan((int) shifts.get());
    }
  }
}
