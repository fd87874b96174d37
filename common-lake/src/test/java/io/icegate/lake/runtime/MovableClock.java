package io.icegate.lake.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock tests move by hand: fixed at a start instant, or following the system clock with an
 * offset ({@link #following()}); {@link #advance} moves it, from any thread.
 */
public final class MovableClock extends Clock {
  private final boolean followsSystem;
  private volatile Instant base;
  private volatile Duration ahead = Duration.ZERO;

  private MovableClock(boolean followsSystem, Instant base) {
    this.followsSystem = followsSystem;
    this.base = base;
  }

  /** Stands still at {@code start} until moved. */
  public static MovableClock at(Instant start) {
    return new MovableClock(false, start);
  }

  /** Follows the system clock, ahead by what {@link #advance} added. */
  public static MovableClock following() {
    return new MovableClock(true, Instant.EPOCH);
  }

  public void advance(Duration by) {
    ahead = ahead.plus(by);
  }

  /** Jumps to {@code instant} (a fixed clock only). */
  public void set(Instant instant) {
    base = instant;
    ahead = Duration.ZERO;
  }

  @Override
  public Instant instant() {
    return (followsSystem ? Instant.now() : base).plus(ahead);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
