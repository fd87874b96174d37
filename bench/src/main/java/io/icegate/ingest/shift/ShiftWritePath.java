package io.icegate.ingest.shift;

import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;

/**
 * The shifter's data-file writer, opened for the benchmarks: rows grouped per partition (tenant,
 * day), sorted in the table's sort order and written by the same Iceberg writer the {@link Shifter}
 * uses, with the table's properties (zstd, bloom filters, row group size). It lives in the bench
 * module but in the shifter's package, because that writer is package-private on purpose: nothing
 * in the services should write data files beside the shifter.
 */
public final class ShiftWritePath {
  private final PartitionedFileWriter writer;

  public ShiftWritePath(Table table, long targetFileSizeBytes) {
    this.writer = new PartitionedFileWriter(table, targetFileSizeBytes);
  }

  /** Writes {@code rows} as sorted data files, as one shift cycle does; commits nothing. */
  public List<DataFile> write(List<Record> rows) {
    return writer.write(rows);
  }
}
