package io.icegate.maintain.wal;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Bounds of the WAL cleanup (DESIGN.md §6).
 *
 * @param grace a segment goes only once a snapshot at least this old covers it (default max(2 ×
 *     query timeout, dedup window)); readers planned on an older snapshot have timed out by then
 * @param dedupWindow how long a shift's batch-id index suppresses retries (default 15 min); index
 *     objects are kept for this plus the grace period
 * @param laneTtl a fully shifted lane without a new segment for this long is retired: its last
 *     segment is deleted and its offset entry dropped (default 7 days)
 */
public record WalCleanupSettings(Duration grace, Duration dedupWindow, Duration laneTtl) {
  public WalCleanupSettings {
    requireNonNull(grace, "grace is null");
    requireNonNull(dedupWindow, "dedupWindow is null");
    requireNonNull(laneTtl, "laneTtl is null");
    if (grace.isNegative() || dedupWindow.isNegative() || laneTtl.isNegative()) {
      throw new IllegalArgumentException("Invalid WAL cleanup settings: negative duration");
    }
  }

  /** The design's defaults for a given query timeout and dedup window. */
  public static WalCleanupSettings defaults(Duration queryTimeout, Duration dedupWindow) {
    Duration twiceTimeout = queryTimeout.multipliedBy(2);
    Duration grace = twiceTimeout.compareTo(dedupWindow) > 0 ? twiceTimeout : dedupWindow;
    return new WalCleanupSettings(grace, dedupWindow, Duration.ofDays(7));
  }
}
