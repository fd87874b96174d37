package io.icegate.ingest.shift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;

/**
 * A compaction as maintain-service or Spark's {@code rewrite_data_files} would commit it: the data
 * files of the partition with the most files are read, rewritten as sorted files and swapped in
 * with one {@link RewriteFiles} (a {@code replace} snapshot without WAL offsets) through the
 * object-store catalog.
 */
final class RewriteCompaction {
  private final Table table;

  RewriteCompaction(Table table) {
    this.table = table;
  }

  /** Rewrites one partition; false if none has two files or the commit lost a race. */
  boolean compactOnce() {
    table.refresh();
    if (table.currentSnapshot() == null) {
      return false;
    }
    long base = table.currentSnapshot().snapshotId();
    List<DataFile> files;
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      files =
          StreamSupport.stream(tasks.spliterator(), false)
              .map(FileScanTask::file)
              .collect(Collectors.groupingBy(file -> file.partition().toString()))
              .values()
              .stream()
              .max(Comparator.comparingInt(List::size))
              .orElse(List.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.size() < 2) {
      return false;
    }
    List<Record> rows = new ArrayList<>();
    files.forEach(file -> rows.addAll(read(table, file)));
    List<DataFile> written =
        new PartitionedFileWriter(table, ShiftSettings.defaults().targetFileSizeBytes())
            .write(rows);
    RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(base);
    files.forEach(rewrite::deleteFile);
    written.forEach(rewrite::addFile);
    rewrite.set("icegate.test.compaction", "true");
    try {
      rewrite.commit();
      return true;
    } catch (CommitFailedException | ValidationException e) {
      return false;
    }
  }

  /** The rows of one data file, in file order. */
  static List<Record> read(Table table, DataFile file) {
    try (CloseableIterable<Record> records =
        Parquet.read(table.io().newInputFile(file.location()))
            .project(table.schema())
            .createReaderFunc(type -> GenericParquetReaders.buildReader(table.schema(), type))
            .build()) {
      List<Record> rows = new ArrayList<>();
      records.forEach(row -> rows.add(row.copy()));
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
