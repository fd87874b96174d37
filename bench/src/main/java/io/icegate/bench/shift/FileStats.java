package io.icegate.bench.shift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/** Data files of a table's current snapshot per partition: count, rows, sizes. */
final class FileStats {
  private FileStats() {}

  static void print(String path, Table table) {
    table.refresh();
    Map<String, List<DataFile>> partitions;
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      partitions =
          StreamSupport.stream(tasks.spliterator(), false)
              .map(FileScanTask::file)
              .collect(
                  Collectors.groupingBy(
                      file -> table.spec().partitionToPath(file.partition()),
                      TreeMap::new,
                      Collectors.toList()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    partitions.forEach(
        (partition, files) -> {
          double mib = 1024.0 * 1024.0;
          var sizes = files.stream().mapToLong(DataFile::fileSizeInBytes).summaryStatistics();
          System.out.printf(
              "| %s | %s | %d | %,d | %.2f / %.2f / %.2f |%n",
              path,
              partition,
              files.size(),
              files.stream().mapToLong(DataFile::recordCount).sum(),
              sizes.getMin() / mib,
              sizes.getAverage() / mib,
              sizes.getMax() / mib);
        });
  }
}
