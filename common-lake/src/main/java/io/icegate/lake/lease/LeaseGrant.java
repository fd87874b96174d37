package io.icegate.lake.lease;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A term of a lease this process holds. Valid, by this process's monotonic clock, until the
 * duration has passed since it <em>sent</em> the create request: the storage server stamped the
 * term no earlier than that, so every other process judges it expired no earlier either.
 *
 * @param acquiredNanos {@link System#nanoTime()} just before the create request was sent
 */
public record LeaseGrant(
    String name, long term, String holder, Duration duration, long acquiredNanos) {
  public LeaseGrant {
    requireNonNull(name, "name is null");
    requireNonNull(holder, "holder is null");
    requireNonNull(duration, "duration is null");
  }

  /**
   * Whether work under this term may still start: the term has {@code margin} left. Correctness
   * never depends on it (commits are guarded), it only avoids wasted and duplicated work.
   */
  public boolean validFor(Duration margin) {
    return System.nanoTime() - acquiredNanos < duration.minus(margin).toNanos();
  }
}
