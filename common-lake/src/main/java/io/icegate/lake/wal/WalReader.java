package io.icegate.lake.wal;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.store.ObjectInfo;
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

  /** Lanes that have at least one segment of {@code signal}, sorted. */
  public List<String> lanes(WalSignal signal) {
    TreeSet<String> lanes = new TreeSet<>();
    try (Stream<ObjectInfo> objects = store.list(WalKeys.signalPrefix(signal))) {
      objects.forEach(info -> WalKeys.parse(info.key()).ifPresent(id -> lanes.add(id.lane())));
    }
    return List.copyOf(lanes);
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
