package io.icegate.lake.wal;

import static io.icegate.lake.store.FaultInjectingObjectStore.Operation.PUT_IF_ABSENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.icegate.lake.store.FaultInjectingObjectStore;
import io.icegate.lake.store.FaultInjectingObjectStore.DelayedLanding;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.store.ObjectStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.iceberg.data.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Storage misbehaves under the WAL (errors before sending, lost answers, late landings, slow
 * writes, a second writer on the same lane): no acknowledged append is lost, no segment is
 * overwritten or written twice, and no lane skips a seq.
 */
class WalFaultTest {
  private static final WalSignal LOGS = WalSignal.LOGS;
  private static final String PREFIX = "wal/logs/";

  private final InMemoryObjectStore lake = new InMemoryObjectStore();
  private final FaultInjectingObjectStore faulty = new FaultInjectingObjectStore(lake);
  private final SampleRows sample = new SampleRows(5);

  @TempDir Path folder;

  @Test
  void transientErrorsAreRetriedAtTheSameSeq() {
    faulty.failBeforeSending(PUT_IF_ABSENT, PREFIX, 7);
    try (WalWriter writer = writer(faulty, List.of("lane-a", "lane-b"), Duration.ofSeconds(10))) {
      List<String> acked = appendAll(writer, 20);

      LaneAudit.of(lake, LOGS).storesEachOnce(acked);
    }
  }

  @Test
  void lostAcknowledgementsAreResolvedAsOursWithoutDuplicates() {
    faulty.loseAcknowledgement(PUT_IF_ABSENT, PREFIX, 5);
    try (WalWriter writer = writer(faulty, List.of("lane-a"), Duration.ofSeconds(10))) {
      List<String> acked = appendAll(writer, 12);

      LaneAudit audit = LaneAudit.of(lake, LOGS).storesEachOnce(acked);
      assertThat(audit.seqsByLane().get("lane-a"))
          .last()
          .isEqualTo(writer.nextSeqs().get("lane-a") - 1);
    }
  }

  @Test
  void segmentLandingLateBetweenRetriesIsRecognisedAsOurs() {
    DelayedLanding landing = faulty.delayLanding(PUT_IF_ABSENT, PREFIX + "lane-a/");
    // The held-back write lands just before the lane's retry reaches the store.
    faulty.onCrashPoint(
        (point, key) -> {
          if (point.equals("PUT_IF_ABSENT:before") && landing.captured()) {
            faulty.onCrashPoint((p, k) -> {});
            landing.land();
          }
        });
    try (WalWriter writer = writer(faulty, List.of("lane-a"), Duration.ofSeconds(10))) {
      WalBatchRows batch = sample.batch(LOGS, "team-a", 3);

      writer.append(batch, 300).join();

      LaneAudit audit = LaneAudit.of(lake, LOGS).storesEachOnce(List.of(batch.batchId()));
      assertThat(audit.seqsByLane()).containsExactly(Map.entry("lane-a", List.of(1L)));
    }
  }

  @ParameterizedTest(name = "lands before the restarted writer lists the lane: {0}")
  @ValueSource(booleans = {true, false})
  void lateLandingOfACrashedWriterNeverOverwritesItsSuccessor(boolean landsBeforeRestart) {
    DelayedLanding landing = faulty.delayLanding(PUT_IF_ABSENT, PREFIX + "lane-a/");
    // The process dies right after its write timed out: the lane thread stops mid-retry.
    faulty.onCrashPoint(
        (point, key) -> {
          if (point.equals("PUT_IF_ABSENT:before") && landing.captured()) {
            throw new ProcessKilled();
          }
        });
    WalBatchRows lost = sample.batch(LOGS, "team-a", 2);
    try (WalWriter crashed = writer(faulty, List.of("lane-a"), Duration.ofMillis(300))) {
      assertThat(crashed.append(lost, 200))
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableThat()
          .withCauseInstanceOf(WalAppendException.class)
          .withMessageContaining("Cannot append: segment not durable within PT0.3S");
    }
    if (landsBeforeRestart) {
      assertThat(landing.land()).isTrue();
    }

    WalBatchRows next = sample.batch(LOGS, "team-a", 2);
    try (WalWriter restarted = writer(lake, List.of("lane-a"), Duration.ofSeconds(10))) {
      restarted.append(next, 200).join();
    }
    if (!landsBeforeRestart) {
      assertThat(landing.land()).as("the late write is refused, not applied").isFalse();
    }

    LaneAudit audit = LaneAudit.of(lake, LOGS).storesEachOnce(List.of(next.batchId()));
    assertThat(audit.seqsByLane().get("lane-a")).hasSize(landsBeforeRestart ? 2 : 1);
    assertThat(audit.batchCounts().getOrDefault(lost.batchId(), 0))
        .isEqualTo(landsBeforeRestart ? 1 : 0);
  }

  @Test
  void writesSlowerThanTheAckDeadlineFailRetryablyAndTheRetryIsStoredToo() {
    faulty.addLatency(PUT_IF_ABSENT, PREFIX, Duration.ofMillis(1_500));
    try (WalWriter writer = writer(faulty, List.of("lane-a"), Duration.ofMillis(300))) {
      WalBatchRows batch = sample.batch(LOGS, "team-a", 2);

      assertThat(writer.append(batch, 200))
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableThat()
          .withCauseInstanceOf(WalAppendException.class)
          .withMessageContaining("Cannot append: segment not durable within PT0.3S");
      // The lane still finishes the segment; the client's retry (same batch id) lands again, and
      // the shifter keeps one copy by batch id.
      await().atMost(Duration.ofSeconds(10)).until(() -> writer.nextSeqs().get("lane-a") == 2);
      faulty.clear();
      writer.append(batch, 200).join();

      LaneAudit audit = LaneAudit.of(lake, LOGS);
      assertThat(audit.batchCounts()).containsEntry(batch.batchId(), 2);
      assertThat(audit.seqsByLane().get("lane-a")).containsExactly(1L, 2L);
    }
  }

  @Test
  void twoWritersConfiguredWithTheSameLaneNeverOverwriteEachOther() {
    // Two processes: separate store objects over one folder, both with flaky answers.
    FaultInjectingObjectStore first = new FaultInjectingObjectStore(new LocalObjectStore(folder));
    FaultInjectingObjectStore second = new FaultInjectingObjectStore(new LocalObjectStore(folder));
    first.loseAcknowledgement(PUT_IF_ABSENT, PREFIX, 3).failBeforeSending(PUT_IF_ABSENT, PREFIX, 3);
    second.loseAcknowledgement(PUT_IF_ABSENT, PREFIX, 3);
    List<String> acked = new ArrayList<>();
    try (WalWriter a = writer(first, List.of("shared"), Duration.ofSeconds(10));
        WalWriter b = writer(second, List.of("shared"), Duration.ofSeconds(10))) {
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      for (int i = 0; i < 25; i++) {
        for (WalWriter writer : List.of(a, b)) {
          WalBatchRows batch = sample.batch(LOGS, "team-" + i % 2, 1 + i % 4);
          acked.add(batch.batchId());
          acks.add(writer.append(batch, 100));
        }
        if (i % 5 == 4) {
          CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
        }
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    }

    LaneAudit audit = LaneAudit.of(new LocalObjectStore(folder), LOGS).storesEachOnce(acked);
    assertThat(audit.batchCounts()).hasSize(acked.size());
  }

  @Test
  void anUnencodableBatchFailsAloneAndTheLaneGoesOn() {
    try (WalWriter writer = writer(lake, List.of("lane-a"), Duration.ofSeconds(10))) {
      WalBatchRows good = sample.batch(LOGS, "team-a", 2);
      GenericRecord noTimestamp = GenericRecord.create(LOGS.table().schema());
      noTimestamp.setField("tenant_id", "team-a");
      WalBatchRows bad = new WalBatchRows(sample.batchId(), good.tenant(), List.of(noTimestamp));
      WalBatchRows alsoGood = sample.batch(LOGS, "team-b", 1);

      CompletableFuture<Void> first = writer.append(good, 100);
      CompletableFuture<Void> broken = writer.append(bad, 100);
      CompletableFuture<Void> third = writer.append(alsoGood, 100);

      assertThat(broken)
          .failsWithin(Duration.ofSeconds(5))
          .withThrowableThat()
          .withCauseInstanceOf(WalAppendException.class)
          .withMessageContaining("Cannot append batch " + bad.batchId() + ": invalid rows: ");
      CompletableFuture.allOf(first, third).join();
      WalBatchRows later = sample.batch(LOGS, "team-a", 1);
      writer.append(later, 100).join();

      LaneAudit audit =
          LaneAudit.of(lake, LOGS)
              .storesEachOnce(List.of(good.batchId(), alsoGood.batchId(), later.batchId()));
      assertThat(audit.batchCounts()).doesNotContainKey(bad.batchId());
    }
  }

  private WalWriter writer(ObjectStore store, List<String> lanes, Duration ackDeadline) {
    WalWriterSettings settings =
        new WalWriterSettings(lanes, 2_000, Duration.ofMillis(30), ackDeadline, 1L << 20);
    return new WalWriter(store, LOGS, settings, lane -> 0, Clock.systemUTC());
  }

  private List<String> appendAll(WalWriter writer, int count) {
    List<String> ids = new ArrayList<>();
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      WalBatchRows batch = sample.batch(LOGS, "team-" + i % 3, 1 + i % 5);
      ids.add(batch.batchId());
      acks.add(writer.append(batch, 400));
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    return ids;
  }

  /** Stops a lane thread the way a killed process stops: no catch block runs. */
  private static final class ProcessKilled extends Error {
    ProcessKilled() {
      super("process killed (test)", null, false, false);
    }
  }
}
