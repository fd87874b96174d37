package io.icegate.lake.wal;

import static io.icegate.lake.store.FaultInjectingObjectStore.Operation.PUT_IF_ABSENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.icegate.lake.store.FaultInjectingObjectStore;
import io.icegate.lake.store.InMemoryObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * When storage is slower than the input, the WAL refuses appends beyond its in-flight bound with a
 * retryable error instead of buffering them, and takes appends again once storage catches up.
 */
class WalBackpressureTest {
  private static final long MAX_IN_FLIGHT = 64 << 10;
  private static final long REQUEST_BYTES = 4 << 10;

  private final InMemoryObjectStore lake = new InMemoryObjectStore();
  private final FaultInjectingObjectStore slow = new FaultInjectingObjectStore(lake);
  private final SampleRows sample = new SampleRows(3);

  @Test
  void appendsBeyondTheInFlightBoundAreRefusedAndInFlightBytesStayBounded() {
    slow.addLatency(PUT_IF_ABSENT, "wal/", Duration.ofMillis(400));
    WalWriterSettings settings =
        new WalWriterSettings(
            List.of("lane-a", "lane-b"),
            16 << 10,
            Duration.ofMillis(10),
            Duration.ofSeconds(20),
            MAX_IN_FLIGHT);
    try (WalWriter writer =
        new WalWriter(slow, WalSignal.LOGS, settings, lane -> 0, Clock.systemUTC())) {
      List<WalBatchRows> accepted = new ArrayList<>();
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      List<Throwable> refusals = new ArrayList<>();
      long maxSeen = 0;
      // Input arrives ~20x faster than two lanes can make it durable, for about a second.
      long until = System.nanoTime() + Duration.ofSeconds(1).toNanos();
      while (System.nanoTime() < until) {
        WalBatchRows batch = sample.batch(WalSignal.LOGS, "team-a", 2);
        CompletableFuture<Void> ack = writer.append(batch, REQUEST_BYTES);
        if (ack.isCompletedExceptionally()) {
          refusals.add(ack.handle((ok, failure) -> failure).join());
        } else {
          accepted.add(batch);
          acks.add(ack);
        }
        maxSeen = Math.max(maxSeen, writer.inFlightBytes());
        // The arrival rate of requests, not a wait for a condition.
        LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
      }

      assertThat(maxSeen).isLessThanOrEqualTo(MAX_IN_FLIGHT).isGreaterThan(MAX_IN_FLIGHT / 2);
      assertThat(accepted).hasSizeGreaterThanOrEqualTo((int) (MAX_IN_FLIGHT / REQUEST_BYTES));
      assertThat(refusals).hasSizeGreaterThan(accepted.size());
      assertThat(refusals)
          .allSatisfy(
              failure ->
                  assertThat(failure)
                      .isInstanceOf(WalAppendException.class)
                      .hasMessage(
                          "Cannot append: the logs WAL has 65536 bytes in flight; retry later"));

      // Storage catches up: everything accepted becomes durable, and appends are taken again.
      slow.clear();
      assertThat(CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)))
          .succeedsWithin(Duration.ofSeconds(20));
      await().atMost(Duration.ofSeconds(5)).until(() -> writer.inFlightBytes() == 0);
      WalBatchRows after = sample.batch(WalSignal.LOGS, "team-a", 1);
      assertThat(writer.append(after, REQUEST_BYTES)).succeedsWithin(Duration.ofSeconds(10));

      List<String> stored = new ArrayList<>(accepted.stream().map(WalBatchRows::batchId).toList());
      stored.add(after.batchId());
      LaneAudit audit = LaneAudit.of(lake, WalSignal.LOGS).storesEachOnce(stored);
      assertThat(audit.batchCounts()).hasSize(stored.size());
    }
  }
}
