package io.icegate.lake.view;

import org.apache.iceberg.data.Record;

/**
 * The rows of one {@link LakeView} read as a stream: the snapshot's data files one after another,
 * then the WAL segments beyond its offsets one at a time, so memory stays bounded by one row group
 * or one segment. Close it when done (it may hold an open data file).
 *
 * <p>If a planned file vanishes before the first row was returned, the read re-plans on a fresh
 * snapshot by itself; after that it throws {@link LakeChangedException} rather than risk returning
 * a row twice.
 */
public interface LakeRows extends LakeStream<Record> {}
