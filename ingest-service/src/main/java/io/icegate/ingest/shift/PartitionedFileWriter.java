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
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.parquet.Parquet;

/**
 * Writes rows as data files of a table: one group per partition (tenant, day), each sorted in the
 * table's sort order and split into files of at most {@code maxRowsPerFile} rows.
 */
final class PartitionedFileWriter {
  private final Table table;
  private final long maxRowsPerFile;

  PartitionedFileWriter(Table table, long maxRowsPerFile) {
    this.table = table;
    this.maxRowsPerFile = maxRowsPerFile;
  }

  List<DataFile> write(List<Record> rows) {
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
      for (int from = 0; from < sorted.size(); from += (int) maxRowsPerFile) {
        int to = (int) Math.min(sorted.size(), from + maxRowsPerFile);
        files.add(writeFile(partition.getKey(), sorted.subList(from, to)));
      }
    }
    return files;
  }

  private DataFile writeFile(PartitionKey partition, List<Record> rows) {
    String name = FileFormat.PARQUET.addExtension("shift-" + UUID.randomUUID());
    OutputFile out =
        table
            .io()
            .newOutputFile(table.locationProvider().newDataLocation(table.spec(), partition, name));
    DataWriter<Record> writer;
    try {
      writer =
          Parquet.writeData(out)
              .forTable(table)
              .withPartition(partition)
              .createWriterFunc(GenericParquetWriter::create)
              .build();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create data file " + out.location(), e);
    }
    try (writer) {
      writer.write(rows);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write data file " + out.location(), e);
    }
    return writer.toDataFile();
  }
}
