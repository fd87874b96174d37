package io.icegate.lake.store;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter (AWS's "Exponential Backoff and Jitter"): before retry
 * {@code n} (1-based) the pause is uniformly random in {@code [0, min(max, initial × 2^(n-1))]}, so
 * racing writers spread out instead of retrying in step. The one backoff of every retry loop (the
 * object store, the root commit, the WAL lanes).
 *
 * @param initial the cap of the first pause
 * @param max the largest cap
 */
public record Backoff(Duration initial, Duration max) {
  public Backoff {
    requireNonNull(initial, "initial is null");
    requireNonNull(max, "max is null");
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("Invalid backoff: initial " + initial + ", max " + max);
    }
  }

  /** The cap of the pause before retry {@code attempt} (1-based). */
  public Duration cap(int attempt) {
    long cap = initial.toNanos() << Math.min(Math.max(attempt, 1) - 1, 30);
    return cap <= 0 || cap > max.toNanos() ? max : Duration.ofNanos(cap);
  }

  /**
   * Sleeps before retry {@code attempt}.
   *
   * @return false if interrupted (the interrupt flag is restored): the caller stops retrying
   */
  public boolean pause(int attempt) {
    long capNanos = cap(attempt).toNanos();
    long pauseNanos = capNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(capNanos + 1);
    try {
      Thread.sleep(pauseNanos / 1_000_000, (int) (pauseNanos % 1_000_000));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
