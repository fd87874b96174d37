package io.icegate.lake.schema;

/**
 * Hands out provisional ids of nested fields (map keys and values, list elements, struct members)
 * of one table, from 1000 upward so they never collide with top-level ids while declaring. {@link
 * LakeTables} then renumbers the whole schema the way Iceberg does on create; the final ids are
 * pinned by a golden-file test, because Iceberg and the WAL identify columns by id forever.
 */
final class FieldIds {
  private int next = 1000;

  int next() {
    return next++;
  }
}
