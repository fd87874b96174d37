package io.icegate.lake.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.util.JsonUtil;

/**
 * The catalog-side guard of exactly-once shifting (DESIGN.md §6): a new snapshot whose summary
 * carries {@value #OFFSETS_BASE} (the WAL offsets its writer planned from) commits only if that
 * equals the committed offsets, that is {@value #OFFSETS} of the newest snapshot in its ancestry
 * that has them (empty when none has). Iceberg's automatic retry re-applies the same summary on a
 * newer base, so a plan overtaken by another shifter fails here instead of shifting twice.
 *
 * <p>Offsets are JSON objects {@code {"lane": seq}}; they are compared as maps, so key order and
 * spacing do not matter, and an empty or absent value equals {@code {}}.
 */
public final class WalOffsetsCheck {
  public static final String OFFSETS = "icegate.wal.offsets";
  public static final String OFFSETS_BASE = "icegate.wal.offsets.base";

  private WalOffsetsCheck() {}

  /**
   * Checks every snapshot of {@code updated} that {@code base} does not have.
   *
   * @throws CommitFailedException if a snapshot's planned offsets differ from the committed ones
   * @throws ValidationException if offsets in a new snapshot are not a JSON object of numbers
   */
  public static void validate(String tableName, TableMetadata base, TableMetadata updated) {
    Set<Long> known =
        base == null
            ? Set.of()
            : base.snapshots().stream().map(Snapshot::snapshotId).collect(Collectors.toSet());
    for (Snapshot snapshot : updated.snapshots()) {
      String planned = snapshot.summary() == null ? null : snapshot.summary().get(OFFSETS_BASE);
      if (planned == null || known.contains(snapshot.snapshotId())) {
        continue;
      }
      Map<String, Long> committed = committedOffsets(updated, snapshot.parentId());
      if (!parse(planned).equals(committed)) {
        throw new CommitFailedException(
            "Cannot commit snapshot %s to %s: %s %s differs from the committed WAL offsets %s;"
                + " the shift was planned on an outdated table state and must be re-planned",
            snapshot.snapshotId(), tableName, OFFSETS_BASE, planned, committed);
      }
    }
  }

  /**
   * The committed offsets as seen from a snapshot: {@value #OFFSETS} of the newest snapshot in its
   * ancestry (itself included) that has them; empty when there is none or {@code snapshotId} is
   * null.
   */
  public static Map<String, Long> committedOffsets(TableMetadata metadata, Long snapshotId) {
    Long id = snapshotId;
    while (id != null) {
      Snapshot snapshot = metadata.snapshot(id);
      if (snapshot == null) {
        break;
      }
      String offsets = snapshot.summary() == null ? null : snapshot.summary().get(OFFSETS);
      if (offsets != null) {
        return parse(offsets);
      }
      id = snapshot.parentId();
    }
    return Map.of();
  }

  /** Parses {@code {"lane": seq, …}}; blank text is the empty map. */
  public static Map<String, Long> parse(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    JsonNode node;
    try {
      node = JsonUtil.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new ValidationException(e, "Cannot parse WAL offsets '%s': %s", json, e.getMessage());
    }
    if (!node.isObject()) {
      throw new ValidationException("Cannot parse WAL offsets '%s': not a JSON object", json);
    }
    Map<String, Long> offsets = new TreeMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!field.getValue().canConvertToLong() || !field.getValue().isIntegralNumber()) {
        throw new ValidationException(
            "Cannot parse WAL offsets '%s': seq of lane %s is not an integer",
            json, field.getKey());
      }
      offsets.put(field.getKey(), field.getValue().asLong());
    }
    return Map.copyOf(offsets);
  }
}
