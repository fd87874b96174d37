package io.icegate.lake.catalog;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes old root versions (DESIGN.md §4), oldest first, keeping at least the newest {@code
 * keepNewest} versions and every version younger than {@code minAge} by the storage server's clock.
 * Removal stops at the first version that must stay, so what remains is always a contiguous tail of
 * the chain. Both bounds must stay far above the commit deadline: a committer paused longer than
 * that detects it (its parent is gone) and fails cleanly.
 */
public final class RootVersionRetention {
  public static final int DEFAULT_KEEP_NEWEST = 1000;
  public static final Duration DEFAULT_MIN_AGE = Duration.ofHours(24);
  private static final int BATCH = 1000;

  /**
   * What a run did or, in a dry run, would do.
   *
   * @param removed versions removed (or removable), oldest first
   * @param kept how many versions remain
   */
  public record Result(List<Long> removed, int kept) {
    public Result {
      removed = List.copyOf(removed);
    }
  }

  private final ObjectStore store;
  private final Clock clock;

  RootVersionRetention(ObjectStore store, Clock clock) {
    this.store = requireNonNull(store, "store is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  /** Applies the default retention: newest 1,000 and everything younger than 24 h stay. */
  public Result removeOldVersions(boolean dryRun) {
    return removeOldVersions(DEFAULT_KEEP_NEWEST, DEFAULT_MIN_AGE, dryRun);
  }

  public Result removeOldVersions(int keepNewest, Duration minAge, boolean dryRun) {
    if (keepNewest < 1) {
      throw new IllegalArgumentException("Invalid number of root versions to keep: " + keepNewest);
    }
    requireNonNull(minAge, "minAge is null");
    List<ObjectInfo> versions;
    try (Stream<ObjectInfo> infos = store.list(RootVersions.PREFIX)) {
      versions = infos.filter(info -> RootVersions.version(info.key()).isPresent()).toList();
    }
    Instant cutoff = clock.instant().minus(minAge);
    int removable = Math.max(0, versions.size() - keepNewest);
    List<Long> removed = new ArrayList<>();
    List<String> batch = new ArrayList<>();
    for (ObjectInfo info : versions.subList(0, removable)) {
      if (!info.lastModified().isBefore(cutoff)) {
        break;
      }
      removed.add(RootVersions.version(info.key()).getAsLong());
      batch.add(info.key());
      if (batch.size() == BATCH) {
        flush(batch, dryRun);
      }
    }
    flush(batch, dryRun);
    return new Result(removed, versions.size() - removed.size());
  }

  private void flush(List<String> batch, boolean dryRun) {
    if (!dryRun && !batch.isEmpty()) {
      store.deleteAll(List.copyOf(batch));
    }
    batch.clear();
  }
}
