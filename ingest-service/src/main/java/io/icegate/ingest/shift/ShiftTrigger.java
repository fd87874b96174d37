package io.icegate.ingest.shift;

import io.icegate.lake.wal.WalSignal;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Decides when a signal is shifted: at its first check, when {@code interval} has passed since its
 * last attempt, or — only in the process holding its lease, which alone may measure — when the
 * unshifted WAL bytes reach {@code triggerBytes}. Not thread-safe: the scheduler calls it from one
 * thread at a time.
 */
final class ShiftTrigger {
  private final long intervalNanos;
  private final long triggerBytes;
  private final LongSupplier nanoClock;
  private final Map<WalSignal, Long> lastAttempt = new EnumMap<>(WalSignal.class);

  ShiftTrigger(Duration interval, long triggerBytes, LongSupplier nanoClock) {
    this.intervalNanos = interval.toNanos();
    this.triggerBytes = triggerBytes;
    this.nanoClock = nanoClock;
  }

  /**
   * @param leaseHeld whether this process holds the signal's lease now
   * @param unshiftedBytes measures the bytes beyond the committed offsets (one listing)
   */
  boolean due(WalSignal signal, boolean leaseHeld, LongSupplier unshiftedBytes) {
    Long last = lastAttempt.get(signal);
    if (last == null || nanoClock.getAsLong() - last >= intervalNanos) {
      return true;
    }
    return leaseHeld && unshiftedBytes.getAsLong() >= triggerBytes;
  }

  /** Records an attempt (shifted, or lease not available): the interval starts again. */
  void attempted(WalSignal signal) {
    lastAttempt.put(signal, nanoClock.getAsLong());
  }
}
