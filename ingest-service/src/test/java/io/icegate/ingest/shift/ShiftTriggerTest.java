package io.icegate.ingest.shift;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.wal.WalSignal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ShiftTriggerTest {
  private final AtomicLong now = new AtomicLong(1_000);
  private final AtomicInteger measured = new AtomicInteger();
  private final ShiftTrigger trigger = new ShiftTrigger(Duration.ofSeconds(5), 1000, now::get);

  @Test
  void firstCheckOfASignalIsDue() {
    assertThat(trigger.due(WalSignal.LOGS, false, () -> bytes(0))).isTrue();
    assertThat(measured).hasValue(0);
  }

  @Test
  void intervalStartsAgainAtEachAttempt() {
    trigger.attempted(WalSignal.LOGS);
    now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
    assertThat(trigger.due(WalSignal.LOGS, false, () -> bytes(0))).isFalse();
    now.incrementAndGet();
    assertThat(trigger.due(WalSignal.LOGS, false, () -> bytes(0))).isTrue();
    assertThat(trigger.due(WalSignal.SPANS, false, () -> bytes(0))).as("other signal").isTrue();
  }

  @Test
  void unshiftedBytesAtTheThresholdTriggerOnlyTheLeaseHolder() {
    trigger.attempted(WalSignal.LOGS);
    assertThat(trigger.due(WalSignal.LOGS, true, () -> bytes(999))).isFalse();
    assertThat(trigger.due(WalSignal.LOGS, true, () -> bytes(1000))).isTrue();
    assertThat(measured).hasValue(2);
    assertThat(trigger.due(WalSignal.LOGS, false, () -> bytes(1_000_000))).isFalse();
    assertThat(measured).as("a process without the lease never lists the WAL").hasValue(2);
  }

  private long bytes(long value) {
    measured.incrementAndGet();
    return value;
  }
}
