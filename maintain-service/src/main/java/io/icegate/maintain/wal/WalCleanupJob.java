package io.icegate.maintain.wal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.icegate.lake.catalog.WalOffsetsCheck;
import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.wal.WalBatchIndex;
import io.icegate.lake.wal.WalKeys;
import io.icegate.lake.wal.WalKeys.SegmentId;
import io.icegate.lake.wal.WalReader;
import io.icegate.lake.wal.WalSignal;
import io.icegate.maintain.job.Deleter;
import io.icegate.maintain.job.JobReport;
import io.icegate.maintain.job.MaintenanceJob;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.util.JsonUtil;

/**
 * Deletes WAL segments the tables hold for good (DESIGN.md §6):
 *
 * <ul>
 *   <li>a segment goes only at or below its lane's offset in the <em>safe snapshot</em>: the newest
 *       snapshot of the current ancestry committed at least the grace period ago. Any reader still
 *       running planned on that snapshot or a newer one, whose offsets are at least as high, so no
 *       reader needs the segment;
 *   <li>a lane's highest segment stays while the lane is active (a restarted writer continues after
 *       it); once it too is covered and older than the lane TTL the lane is retired: the segment is
 *       deleted <em>first</em>, then a snapshot drops the lane's offset entry. A crash between
 *       leaves an entry without segments, which the next run drops; the other order could leave a
 *       stored segment without its entry, which a reader would read again;
 *   <li>batch-id index objects go after the dedup window plus the grace period, unless a snapshot
 *       of that age names them.
 * </ul>
 *
 * Reads fail the run before anything of that signal is deleted.
 */
public final class WalCleanupJob implements MaintenanceJob {
  private final Catalog catalog;
  private final ObjectStore store;
  private final WalReader reader;
  private final WalCleanupSettings settings;
  private final Clock clock;

  public WalCleanupJob(
      Catalog catalog, ObjectStore store, WalCleanupSettings settings, Clock clock) {
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.store = requireNonNull(store, "store is null");
    this.reader = new WalReader(store);
    this.settings = requireNonNull(settings, "settings is null");
    this.clock = requireNonNull(clock, "clock is null");
  }

  @Override
  public String name() {
    return "wal-cleanup";
  }

  @Override
  public JobReport run(boolean dryRun) {
    JobReport.Builder report = new JobReport.Builder(dryRun);
    for (WalSignal signal : WalSignal.values()) {
      if (catalog.tableExists(signal.table().identifier())) {
        clean(signal, report);
      }
    }
    return report.build();
  }

  private void clean(WalSignal signal, JobReport.Builder report) {
    Table table = catalog.loadTable(signal.table().identifier());
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    long now = clock.millis();
    Optional<Snapshot> safe = newestAncestorAtOrBefore(metadata, now - settings.grace().toMillis());
    Map<String, Long> safeOffsets =
        safe.map(s -> WalOffsetsCheck.committedOffsets(metadata, s.snapshotId())).orElse(Map.of());
    Deleter deleter = new Deleter(store, report);
    Set<String> lanesWithSegments = new HashSet<>();
    Set<String> retired = new HashSet<>();
    for (String lane : reader.lanes(signal)) {
      List<ObjectInfo> segments = segments(signal, lane);
      if (segments.isEmpty()) {
        continue;
      }
      lanesWithSegments.add(lane);
      long covered = safeOffsets.getOrDefault(lane, 0L);
      ObjectInfo highest = segments.get(segments.size() - 1);
      for (ObjectInfo segment : segments.subList(0, segments.size() - 1)) {
        if (seq(segment) <= covered) {
          deleter.delete(segment);
        }
      }
      long idleSince = now - settings.laneTtl().toMillis();
      if (seq(highest) <= covered && highest.lastModified().toEpochMilli() <= idleSince) {
        deleter.delete(highest);
        retired.add(lane);
      }
    }
    deleter.flush();
    cleanIndexObjects(signal, metadata, now, deleter);
    deleter.flush();
    dropRetiredLanes(table, metadata, lanesWithSegments, retired, report);
  }

  /**
   * Drops offset entries of lanes without segments (retired now or by an earlier run cut short), in
   * a snapshot guarded like a shift: it commits only on the offsets it was planned from. One entry
   * always stays: a table with IceGate snapshots but empty offsets stops the shifter.
   */
  private void dropRetiredLanes(
      Table table,
      TableMetadata metadata,
      Set<String> lanesWithSegments,
      Set<String> retired,
      JobReport.Builder report) {
    Snapshot current = metadata.currentSnapshot();
    if (current == null) {
      return;
    }
    Map<String, Long> committed = WalOffsetsCheck.committedOffsets(metadata, current.snapshotId());
    Map<String, Long> next = new TreeMap<>(committed);
    for (String lane : committed.keySet()) {
      boolean gone = retired.contains(lane) || !lanesWithSegments.contains(lane);
      if (gone && next.size() > 1) {
        next.remove(lane);
      }
    }
    if (next.size() == committed.size()) {
      return;
    }
    Set<String> dropped = new HashSet<>(committed.keySet());
    dropped.removeAll(next.keySet());
    report.action("drop offset entries of retired lanes " + dropped + " in " + table.name());
    if (report.dryRun()) {
      return;
    }
    AppendFiles append = table.newAppend();
    append.set(WalOffsetsCheck.OFFSETS, json(next));
    append.set(WalOffsetsCheck.OFFSETS_BASE, json(committed));
    try {
      append.commit();
    } catch (CommitFailedException e) {
      // A shift moved the offsets meanwhile; the next run tries again on the new state.
      report.action("deferred: " + e.getMessage());
    }
  }

  private void cleanIndexObjects(
      WalSignal signal, TableMetadata metadata, long now, Deleter deleter) {
    long cutoff = now - settings.dedupWindow().plus(settings.grace()).toMillis();
    Set<String> named = new HashSet<>();
    for (Snapshot snapshot : metadata.snapshots()) {
      String key =
          snapshot.summary() == null ? null : snapshot.summary().get(WalBatchIndex.SUMMARY_KEY);
      if (key != null && snapshot.timestampMillis() >= cutoff) {
        named.add(key);
      }
    }
    List<ObjectInfo> old = new ArrayList<>();
    try (Stream<ObjectInfo> objects = store.list(WalBatchIndex.prefix(signal))) {
      objects
          .filter(info -> info.lastModified().toEpochMilli() < cutoff)
          .filter(info -> !named.contains(info.key()))
          .forEach(old::add);
    }
    old.forEach(deleter::delete);
  }

  private List<ObjectInfo> segments(WalSignal signal, String lane) {
    try (Stream<ObjectInfo> objects = store.list(WalKeys.lanePrefix(signal, lane))) {
      return objects
          .filter(
              info ->
                  WalKeys.parse(info.key())
                      .filter(id -> id.signal() == signal && id.lane().equals(lane))
                      .isPresent())
          .toList();
    }
  }

  private static long seq(ObjectInfo segment) {
    return WalKeys.parse(segment.key()).map(SegmentId::seq).orElseThrow();
  }

  /** The newest snapshot of the current ancestry committed at or before {@code cutoffMillis}. */
  static Optional<Snapshot> newestAncestorAtOrBefore(TableMetadata metadata, long cutoffMillis) {
    Snapshot snapshot = metadata.currentSnapshot();
    while (snapshot != null) {
      if (snapshot.timestampMillis() <= cutoffMillis) {
        return Optional.of(snapshot);
      }
      snapshot = snapshot.parentId() == null ? null : metadata.snapshot(snapshot.parentId());
    }
    return Optional.empty();
  }

  private static String json(Map<String, Long> offsets) {
    try {
      return JsonUtil.mapper().writeValueAsString(new TreeMap<>(offsets));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode WAL offsets: " + e.getMessage(), e);
    }
  }
}
