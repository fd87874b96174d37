package io.icegate.maintain.compaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.SortOrderComparators;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.io.RollingDataWriter;
import org.apache.iceberg.parquet.Parquet;

/**
 * Rewrites one group of small files of a partition as files of the target size, sorted in the
 * table's declared sort order and written by Iceberg's generic writer with the table's own write
 * properties (zstd, dictionaries, bloom filters, page indexes: whatever the table declares), as the
 * shifter writes. Inputs already sorted in that order (the shifter's files) are merged as they
 * stream; any other input file is sorted in memory first (it is small: below the target size).
 * Commits nothing.
 */
final class GroupRewriter {
  private final Table table;
  private final long targetFileSizeBytes;
  private final Schema schema;
  private final SortOrder order;
  private final Comparator<Record> comparator;

  GroupRewriter(Table table, long targetFileSizeBytes) {
    this.table = table;
    this.targetFileSizeBytes = targetFileSizeBytes;
    this.schema = table.schema();
    this.order = table.sortOrder();
    Comparator<StructLike> structs = SortOrderComparators.forSchema(schema, order);
    InternalRecordWrapper left = new InternalRecordWrapper(schema.asStruct());
    InternalRecordWrapper right = new InternalRecordWrapper(schema.asStruct());
    // Wrappers are reused; the comparator runs on one thread (the merge's heap).
    this.comparator = (a, b) -> structs.compare(left.wrap(a), right.wrap(b));
  }

  /** Writes the group's rows as new data files and returns them. */
  List<DataFile> rewrite(CompactionPlanner.Group group) {
    List<CloseableIterable<Record>> runs = new ArrayList<>();
    for (DataFile file : group.files()) {
      runs.add(run(file));
    }
    PartitionSpec spec = table.specs().get(group.specId());
    GenericFileWriterFactory writers =
        new GenericFileWriterFactory.Builder(table)
            .dataFileFormat(FileFormat.PARQUET)
            .dataSortOrder(order)
            .build();
    OutputFileFactory names =
        OutputFileFactory.builderFor(table, group.specId(), 0)
            .format(FileFormat.PARQUET)
            .operationId("compact-" + UUID.randomUUID())
            .build();
    RollingDataWriter<Record> writer =
        new RollingDataWriter<>(
            writers,
            names,
            table.io(),
            targetFileSizeBytes,
            spec,
            group.files().get(0).partition());
    try (SortedMerge rows = new SortedMerge(runs, comparator);
        writer) {
      rows.forEachRemaining(writer::write);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write compacted files of " + table.name(), e);
    }
    return writer.result().dataFiles();
  }

  private CloseableIterable<Record> run(DataFile file) {
    CloseableIterable<Record> rows =
        Parquet.read(table.io().newInputFile(file))
            .project(schema)
            .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(schema, fileSchema))
            .build();
    if (file.sortOrderId() != null && file.sortOrderId() == order.orderId()) {
      return rows;
    }
    List<Record> sorted = new ArrayList<>();
    try (rows) {
      rows.forEach(sorted::add);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.location(), e);
    }
    sorted.sort(comparator);
    return CloseableIterable.withNoopClose(sorted);
  }
}
