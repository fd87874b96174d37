package io.icegate.lake.wal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.icegate.lake.store.ObjectNotFoundException;
import io.icegate.lake.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** Index objects remembered per instance; a dedup window of 5 s shifts needs about 180. */
  private static final int CACHED_OBJECTS = 512;

  private final ObjectStore store;
  private final WalSignal signal;
  // Index objects never change once a snapshot names them, so what was read once stays true.
  private final Map<String, List<String>> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<String>> eldest) {
              return size() > CACHED_OBJECTS;
            }
          });

  public WalBatchIndex(ObjectStore store, WalSignal signal) {
    this.store = store;
    this.signal = signal;
  }

  /** Where a signal's index objects live: {@code wal/{signal}/_batches/}. */
  public static String prefix(WalSignal signal) {
    return WalKeys.signalPrefix(signal) + "_batches/";
  }

  /** Writes the index of one planned commit and returns its key (for the snapshot summary). */
  public String write(Collection<String> batchIds) {
    String key = prefix(signal) + UUID.randomUUID() + ".json";
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
    List<String> cached = cache.get(key);
    if (cached != null) {
      ids.addAll(cached);
      return;
    }
    try {
      JsonNode node =
          JsonUtil.mapper().readTree(new String(store.get(key), StandardCharsets.UTF_8));
      List<String> read = new ArrayList<>(node.size());
      node.forEach(id -> read.add(id.asText()));
      cache.put(key, List.copyOf(read));
      ids.addAll(read);
    } catch (ObjectNotFoundException e) {
      // Expired with the dedup window.
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot read batch index " + key + ": " + e.getMessage(), e);
    }
  }
}
