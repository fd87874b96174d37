package io.icegate.lake.wal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.store.ObjectNotFoundException;
import io.icegate.lake.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.util.JsonUtil;

/**
 * Batch-id index objects: the batch ids one shift commit stored, so later shifts and queries know
 * what is in the table without reading segment footers (DESIGN.md §6). Each object is written
 * before its commit and named in the snapshot's summary ({@value #SUMMARY_KEY}); only snapshots in
 * the table's history count, so an index left by a failed commit is never trusted.
 */
public final class WalBatchIndex {
  public static final String SUMMARY_KEY = "icegate.wal.batches";

  private final ObjectStore store;
  private final WalSignal signal;

  public WalBatchIndex(ObjectStore store, WalSignal signal) {
    this.store = store;
    this.signal = signal;
  }

  /** Writes the index of one planned commit and returns its key (for the snapshot summary). */
  public String write(Collection<String> batchIds) {
    String key = WalKeys.signalPrefix(signal) + "_batches/" + UUID.randomUUID() + ".json";
    try {
      store.put(key, JsonUtil.mapper().writeValueAsBytes(List.copyOf(batchIds)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot encode batch ids: " + e.getMessage(), e);
    }
    return key;
  }

  /**
   * Batch ids stored by the snapshots of {@code snapshotId}'s ancestry committed at or after {@code
   * sinceMillis} (the dedup window). A missing index object (cleaned up after the window)
   * contributes nothing.
   */
  public Set<String> storedSince(TableMetadata metadata, Long snapshotId, long sinceMillis) {
    List<Snapshot> recent = new ArrayList<>();
    Snapshot snapshot = snapshotId == null ? null : metadata.snapshot(snapshotId);
    while (snapshot != null && snapshot.timestampMillis() >= sinceMillis) {
      recent.add(snapshot);
      snapshot = snapshot.parentId() == null ? null : metadata.snapshot(snapshot.parentId());
    }
    Set<String> ids = new HashSet<>();
    for (Snapshot each : recent) {
      String key = each.summary() == null ? null : each.summary().get(SUMMARY_KEY);
      if (key != null) {
        read(key, ids);
      }
    }
    return ids;
  }

  private void read(String key, Set<String> ids) {
    try {
      JsonNode node =
          JsonUtil.mapper().readTree(new String(store.get(key), StandardCharsets.UTF_8));
      node.forEach(id -> ids.add(id.asText()));
    } catch (ObjectNotFoundException e) {
      // Expired with the dedup window.
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read batch index " + key + ": " + e.getMessage(), e);
    }
  }
}
