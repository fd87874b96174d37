package io.icegate.ingest.shift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.SortOrderComparators;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.io.RollingDataWriter;

/**
 * Writes rows as data files of a table: one group per partition (tenant, day), each sorted in the
 * table's sort order and written by Iceberg's {@link RollingDataWriter}, which starts a new file
 * once the current one reaches the target size (checked every 1,000 rows, counting the row group
 * still buffered in memory at its encoded size).
 *
 * <p>Public for the benchmarks, which fill a lake through this write path (the same writer,
 * partitioning and sort order as a shift cycle) where OTLP ingest would take hours; nothing in the
 * services writes data files beside the {@link Shifter}.
 */
public final class PartitionedFileWriter {
  private final Table table;
  private final long targetFileSizeBytes;
  private final GenericFileWriterFactory writers;
  private final OutputFileFactory fileNames;

  public PartitionedFileWriter(Table table, long targetFileSizeBytes) {
    this.table = table;
    this.targetFileSizeBytes = targetFileSizeBytes;
    this.writers =
        new GenericFileWriterFactory.Builder(table)
            .dataFileFormat(FileFormat.PARQUET)
            .dataSortOrder(table.sortOrder())
            .build();
    // File names: <partition id>-<task id>-shift-<uuid>-<counter>.parquet, unique per writer.
    this.fileNames =
        OutputFileFactory.builderFor(table, 0, 0)
            .format(FileFormat.PARQUET)
            .operationId("shift-" + UUID.randomUUID())
            .build();
  }

  /** Writes {@code rows} as sorted data files, as one shift cycle does; commits nothing. */
  public List<DataFile> write(List<Record> rows) {
    InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
    Map<PartitionKey, List<Record>> partitions = new LinkedHashMap<>();
    // One reusable key per call; only a partition seen for the first time keeps a copy.
    PartitionKey key = new PartitionKey(table.spec(), table.schema());
    for (Record row : rows) {
      key.partition(wrapper.wrap(row));
      List<Record> partition = partitions.get(key);
      if (partition == null) {
        partition = new ArrayList<>();
        partitions.put(key.copy(), partition);
      }
      partition.add(row);
    }
    Comparator<StructLike> order =
        SortOrderComparators.forSchema(table.schema(), table.sortOrder());
    InternalRecordWrapper left = new InternalRecordWrapper(table.schema().asStruct());
    InternalRecordWrapper right = new InternalRecordWrapper(table.schema().asStruct());
    List<DataFile> files = new ArrayList<>();
    for (Map.Entry<PartitionKey, List<Record>> partition : partitions.entrySet()) {
      List<Record> sorted = new ArrayList<>(partition.getValue());
      sorted.sort((a, b) -> order.compare(left.wrap(a), right.wrap(b)));
      files.addAll(writeFiles(partition.getKey(), sorted));
    }
    return files;
  }

  private List<DataFile> writeFiles(PartitionKey partition, List<Record> rows) {
    RollingDataWriter<Record> writer =
        new RollingDataWriter<>(
            writers, fileNames, table.io(), targetFileSizeBytes, table.spec(), partition);
    try (writer) {
      rows.forEach(writer::write);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write data files of " + table.name(), e);
    }
    return writer.result().dataFiles();
  }
}
