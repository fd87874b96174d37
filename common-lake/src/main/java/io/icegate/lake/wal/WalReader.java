package io.icegate.lake.wal;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectKeys;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.wal.WalKeys.SegmentId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds and reads WAL segments in object storage; the shifter and the query side both read the WAL
 * through this.
 */
public final class WalReader {
  private final ObjectStore store;

  public WalReader(ObjectStore store) {
    this.store = requireNonNull(store, "store is null");
  }

  /**
   * Lanes that have at least one segment of {@code signal}, sorted. Found by skipping: one listing
   * request per lane, each starting after everything under the lane found before, so the cost does
   * not grow with the number of segments (object stores have no cheap "list folders" that all our
   * stores share).
   */
  public List<String> lanes(WalSignal signal) {
    String prefix = WalKeys.signalPrefix(signal);
    TreeSet<String> lanes = new TreeSet<>();
    Optional<String> startAfter = Optional.empty();
    while (true) {
      Optional<String> next;
      try (Stream<ObjectInfo> objects = store.list(prefix, startAfter)) {
        next = objects.map(ObjectInfo::key).findFirst();
      }
      if (next.isEmpty()) {
        return List.copyOf(lanes);
      }
      String key = next.get();
      int slash = key.indexOf('/', prefix.length());
      if (slash < 0) {
        // An object directly under the signal prefix (a stray): step over it alone.
        startAfter = Optional.of(key);
        continue;
      }
      String folder = key.substring(prefix.length(), slash);
      Optional<SegmentId> segment = WalKeys.parse(key);
      if (segment.isPresent()) {
        lanes.add(segment.get().lane());
      } else {
        // Not a segment key (index objects, strays): the folder may still be a lane.
        laneIfSegments(signal, folder).ifPresent(lanes::add);
      }
      // '~' sorts after every character a segment file name uses, so this skips the folder; a
      // stray key sorting after it is stepped over alone, so the listing always moves on.
      String skip = prefix + folder + "/~";
      startAfter = Optional.of(ObjectKeys.ORDER.compare(skip, key) > 0 ? skip : key);
    }
  }

  private Optional<String> laneIfSegments(WalSignal signal, String folder) {
    try {
      WalKeys.checkLane(folder);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return segmentsAfter(signal, folder, -1).isEmpty() ? Optional.empty() : Optional.of(folder);
  }

  /** Segments of one lane with a seq above {@code afterSeq}, in seq order. */
  public List<SegmentId> segmentsAfter(WalSignal signal, String lane, long afterSeq) {
    Optional<String> startAfter =
        afterSeq < 0 ? Optional.empty() : Optional.of(new SegmentId(signal, lane, afterSeq).key());
    List<SegmentId> segments = new ArrayList<>();
    try (Stream<ObjectInfo> objects = store.list(WalKeys.lanePrefix(signal, lane), startAfter)) {
      objects.forEach(
          info ->
              WalKeys.parse(info.key())
                  .filter(id -> id.signal() == signal && id.lane().equals(lane))
                  .ifPresent(segments::add));
    }
    return segments;
  }

  /** The highest seq present in a lane, if any segment is. */
  public OptionalLong highestSeq(WalSignal signal, String lane) {
    List<SegmentId> all = segmentsAfter(signal, lane, -1);
    return all.isEmpty() ? OptionalLong.empty() : OptionalLong.of(all.get(all.size() - 1).seq());
  }

  /**
   * Reads one segment.
   *
   * @throws io.icegate.lake.store.ObjectNotFoundException if it was removed meanwhile (a reader
   *     then re-plans on a fresh snapshot)
   */
  public WalSegment read(SegmentId segment) {
    return WalSegment.of(store.get(segment.key()));
  }
}
