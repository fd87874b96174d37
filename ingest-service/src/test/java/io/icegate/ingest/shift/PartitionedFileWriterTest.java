package io.icegate.ingest.shift;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.wal.WalBatchRows;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;

class PartitionedFileWriterTest {
  private static final int ROWS = 12_000;

  private final Table table =
      ShiftFixtures.logs(ShiftFixtures.catalog(new InMemoryObjectStore(), "memory://lake"));

  @Test
  void defaultTargetWritesOneFilePerPartition() {
    List<DataFile> files = new PartitionedFileWriter(table, 128L << 20).write(rows());

    assertThat(files).hasSize(6); // 3 tenants x 2 days
    assertThat(files.stream().mapToLong(DataFile::recordCount).sum()).isEqualTo(ROWS);
  }

  @Test
  void filesRollOverAtTheTargetSizeAndKeepEveryRowOnceInSortOrder() {
    long target = 16 << 10;
    List<DataFile> files = new PartitionedFileWriter(table, target).write(rows());

    Map<String, List<DataFile>> byPartition =
        files.stream().collect(Collectors.groupingBy(file -> file.partition().toString()));
    assertThat(byPartition).hasSize(6);
    byPartition.values().forEach(partition -> assertThat(partition).hasSizeGreaterThan(1));
    assertThat(files.stream().mapToLong(DataFile::recordCount).sum()).isEqualTo(ROWS);
    // Rolling is checked every 1,000 rows, so a file passes the target by at most that many rows;
    // the trace_id bloom filter (128 KiB, LakeTables.logs) is written on close, beside the rows.
    long bloomFilter = 128 << 10;
    assertThat(files)
        .allSatisfy(
            file -> assertThat(file.fileSizeInBytes()).isLessThan(4 * target + bloomFilter));

    for (DataFile file : files) {
      assertThat(RewriteCompaction.read(table, file))
          .as("sort order (service_name, timestamp) of %s", file.location())
          .isSortedAccordingTo(
              Comparator.comparing((Record row) -> (String) row.getField("service_name"))
                  .thenComparing(row -> (OffsetDateTime) row.getField("timestamp")));
    }

    commit(files);
    List<String> stored = ShiftFixtures.rows(table);
    assertThat(stored)
        .containsExactlyInAnyOrderElementsOf(
            rows().stream().map(ShiftFixtures::canonical).toList());
  }

  private void commit(List<DataFile> files) {
    var append = table.newAppend();
    files.forEach(append::appendFile);
    append.commit();
  }

  /** Rows with incompressible bodies, so their size is predictable. */
  private static List<Record> rows() {
    Random random = new Random(7);
    List<Record> rows = new ArrayList<>();
    for (int n = 0; n < ROWS; n++) {
      WalBatchRows batch = ShiftFixtures.batch(3, n);
      Record row = batch.rows().get(0);
      row.setField("body", row.getField("body") + " " + Long.toHexString(random.nextLong()));
      rows.add(row);
    }
    rows.sort(Comparator.comparing(ShiftFixtures::canonical));
    return rows;
  }
}
