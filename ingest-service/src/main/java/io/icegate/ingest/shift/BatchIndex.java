package io.icegate.ingest.shift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.store.ObjectNotFoundException;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.wal.WalKeys;
import io.icegate.lake.wal.WalSignal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.util.JsonUtil;

/**
 * Batch-id index objects: the batch ids one shift commit stored, so later shifts and queries know
 * what is in the table without reading segment footers (DESIGN.md §6). Each object is written
 * before its commit and named in the snapshot's summary ({@value #SUMMARY_KEY}); only snapshots
 * reachable in the table's history count, so an index left by a failed commit is never trusted.
 */
final class BatchIndex {
  static final String SUMMARY_KEY = "icegate.wal.batches";

  private final ObjectStore store;
  private final WalSignal signal;

  BatchIndex(ObjectStore store, WalSignal signal) {
    this.store = store;
    this.signal = signal;
  }

  /** Writes the index of one planned commit and returns its key (for the snapshot summary). */
  String write(Collection<String> batchIds) {
    String key = WalKeys.signalPrefix(signal) + "_batches/" + UUID.randomUUID() + ".json";
    try {
      byte[] json = JsonUtil.mapper().writeValueAsBytes(List.copyOf(batchIds));
      store.put(key, json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode batch ids: " + e.getMessage(), e);
    }
    return key;
  }

  /**
   * Batch ids stored by the given snapshots (those in the dedup window). A missing index object
   * (cleaned up after the window) contributes nothing.
   */
  Set<String> storedBy(Collection<Snapshot> snapshots) {
    Set<String> ids = new HashSet<>();
    for (Snapshot snapshot : snapshots) {
      String key = snapshot.summary() == null ? null : snapshot.summary().get(SUMMARY_KEY);
      if (key == null) {
        continue;
      }
      try {
        JsonNode node =
            JsonUtil.mapper().readTree(new String(store.get(key), StandardCharsets.UTF_8));
        node.forEach(id -> ids.add(id.asText()));
      } catch (ObjectNotFoundException e) {
        // Expired with the dedup window.
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(
            "Cannot read batch index " + key + ": " + e.getMessage(), e);
      }
    }
    return ids;
  }
}
