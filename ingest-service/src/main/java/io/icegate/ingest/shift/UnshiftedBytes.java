package io.icegate.ingest.shift;

import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.wal.WalKeys;
import io.icegate.lake.wal.WalSignal;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Bytes of a signal's WAL segments beyond the committed offsets: what the next shifts have to move.
 * One listing of {@code wal/{signal}/} (segments and their sizes), no reads.
 */
final class UnshiftedBytes {
  private UnshiftedBytes() {}

  static long measure(ObjectStore store, WalSignal signal, Map<String, Long> committed) {
    try (Stream<ObjectInfo> objects = store.list(WalKeys.signalPrefix(signal))) {
      return objects
          .filter(
              info ->
                  WalKeys.parse(info.key())
                      .filter(id -> id.seq() > committed.getOrDefault(id.lane(), 0L))
                      .isPresent())
          .mapToLong(ObjectInfo::size)
          .sum();
    }
  }
}
