package io.icegate.maintain.compaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.ingest.shift.Shifter;
import io.icegate.lake.catalog.WalOffsetsCheck;
import io.icegate.maintain.TestLake;
import io.icegate.maintain.job.JobReport;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.junit.jupiter.api.Test;

/** Compaction on a lake the real WAL writer and shifter fill, read back through the lake view. */
class CompactionJobTest {
  static final CompactionSettings SETTINGS =
      new CompactionSettings(128L << 20, 96L << 20, 2, 10L << 30, Duration.ofHours(1));

  @Test
  void mergesAPartitionsSmallFilesIntoOneSortedFileAndKeepsTheOffsets() throws Exception {
    try (TestLake lake = new TestLake("lane-0")) {
      Shifter shifter = lake.shifter();
      shiftInCycles(lake, shifter, 0, 6, 10);
      assertThat(dataFiles(lake.logs())).hasSize(6);
      Map<String, Long> offsets = lake.committedOffsets();
      List<String> before = lake.bodies(lake.view());

      JobReport report = new CompactionJob(lake.catalog, SETTINGS).run(false);

      List<DataFile> files = dataFiles(lake.logs());
      assertThat(files).hasSize(1);
      assertThat(lake.bodies(lake.view())).containsExactlyInAnyOrderElementsOf(before);
      assertThat(report.counts())
          .containsEntry("compaction.rewritten.files", 6L)
          .containsEntry("compaction.rewritten.rows", 60L)
          .containsEntry("compaction.written.files", 1L);
      // The compaction snapshot moves no offsets: they are still the last shift's.
      Snapshot current = lake.metadata().currentSnapshot();
      assertThat(current.operation()).isEqualTo("replace");
      assertThat(current.summary())
          .doesNotContainKeys(WalOffsetsCheck.OFFSETS, WalOffsetsCheck.OFFSETS_BASE)
          .containsEntry("icegate.maintain.job", "compaction");
      assertThat(lake.committedOffsets()).isEqualTo(offsets);
      // Written in the table's sort order: service_name, then timestamp.
      List<Record> rows = read(lake.logs(), files.get(0));
      assertThat(rows).hasSize(60);
      assertThat(rows)
          .isSortedAccordingTo(
              Comparator.comparing((Record r) -> (String) r.getField("service_name"))
                  .thenComparing(r -> (OffsetDateTime) r.getField("timestamp")));
      assertThat(files.get(0).sortOrderId()).isEqualTo(lake.logs().sortOrder().orderId());

      // The shifter goes on from the same offsets; nothing is lost or repeated.
      shiftInCycles(lake, shifter, 60, 1, 10);
      assertThat(lake.bodies(lake.view())).hasSize(70).doesNotHaveDuplicates();
      // A second run finds one small file plus the new one: merges them.
      new CompactionJob(lake.catalog, SETTINGS).run(false);
      assertThat(dataFiles(lake.logs())).hasSize(1);
      assertThat(lake.bodies(lake.view())).hasSize(70).doesNotHaveDuplicates();
    }
  }

  @Test
  void dryRunChangesNothingAndPartitionsThatGainNothingAreSkipped() {
    try (TestLake lake = new TestLake("lane-0")) {
      Shifter shifter = lake.shifter();
      shiftInCycles(lake, shifter, 0, 3, 5);
      long snapshot = lake.metadata().currentSnapshot().snapshotId();

      JobReport dry = new CompactionJob(lake.catalog, SETTINGS).run(true);
      assertThat(dry.actions()).hasSize(1).allMatch(a -> a.endsWith("(dry run)"));
      assertThat(dry.counts()).containsEntry("compaction.candidate.files", 3L);
      assertThat(lake.metadata().currentSnapshot().snapshotId()).isEqualTo(snapshot);

      CompactionSettings needsFour =
          new CompactionSettings(128L << 20, 96L << 20, 4, 10L << 30, Duration.ofHours(1));
      JobReport none = new CompactionJob(lake.catalog, needsFour).run(false);
      assertThat(none.actions()).isEmpty();
      assertThat(lake.metadata().currentSnapshot().snapshotId()).isEqualTo(snapshot);
    }
  }

  @Test
  void aShiftPlannedBeforeACompactionCommitsAfterItWithoutLossOrRepeat() {
    try (TestLake lake = new TestLake("lane-0", "lane-1")) {
      Shifter shifter = lake.shifter();
      shiftInCycles(lake, shifter, 0, 4, 5);
      lake.append(20, 5);
      AtomicBoolean compacted = new AtomicBoolean();
      // The shifter has planned and written its files; before it commits, a compaction commits.
      lake.store.onCrashPoint(
          (point, key) -> {
            if (point.equals("PUT:before")
                && key.startsWith("wal/logs/_batches/")
                && compacted.compareAndSet(false, true)) {
              new CompactionJob(lake.catalog(), SETTINGS).run(false);
            }
          });
      assertThat(shifter.shiftOnce()).isPresent();
      lake.store.onCrashPoint((point, key) -> {});
      assertThat(compacted).isTrue();
      assertThat(lake.bodies(lake.view())).hasSize(25).doesNotHaveDuplicates();
      assertThat(shifter.rejectedCommits()).isZero();
      assertThat(shifter.shiftOnce()).isEmpty();
      assertThat(lake.bodies(lake.view())).hasSize(25).doesNotHaveDuplicates();
    }
  }

  @Test
  void aShiftCommittedWhileACompactionWritesIsKeptByTheCompactionCommit() {
    try (TestLake lake = new TestLake("lane-0")) {
      Shifter shifter = lake.shifter();
      shiftInCycles(lake, shifter, 0, 4, 5);
      lake.append(20, 5);
      AtomicBoolean shifted = new AtomicBoolean();
      lake.store.onCrashPoint(
          (point, key) -> {
            if (point.equals("CREATE:after")
                && key.contains("compact-")
                && shifted.compareAndSet(false, true)) {
              assertThat(lake.shifter().shiftOnce()).isPresent();
            }
          });
      JobReport report = new CompactionJob(lake.catalog, SETTINGS).run(false);
      lake.store.onCrashPoint((point, key) -> {});
      assertThat(shifted).isTrue();
      assertThat(report.counts()).containsEntry("compaction.rewritten.files", 4L);
      // The 4 compacted files became 1; the shift's file stays beside it.
      assertThat(dataFiles(lake.logs())).hasSize(2);
      assertThat(lake.bodies(lake.view())).hasSize(25).doesNotHaveDuplicates();
    }
  }

  @Test
  void aCompactionWhoseFilesWereDroppedMeanwhileFailsAndDeletesItsOwnFiles() {
    try (TestLake lake = new TestLake("lane-0")) {
      shiftInCycles(lake, lake.shifter(), 0, 4, 5);
      AtomicBoolean dropped = new AtomicBoolean();
      AtomicReference<String> written = new AtomicReference<>();
      lake.store.onCrashPoint(
          (point, key) -> {
            if (point.equals("CREATE:after")
                && key.contains("compact-")
                && dropped.compareAndSet(false, true)) {
              written.set(key);
              Table other = lake.catalog().loadTable(ids());
              other.newDelete().deleteFromRowFilter(Expressions.alwaysTrue()).commit();
            }
          });
      JobReport report = new CompactionJob(lake.catalog, SETTINGS).run(false);
      lake.store.onCrashPoint((point, key) -> {});
      assertThat(report.counts()).containsEntry("compaction.conflicts", 1L);
      assertThat(lake.bodies(lake.view())).isEmpty();
      assertThat(lake.memory.head(written.get())).isEmpty();
    }
  }

  private static org.apache.iceberg.catalog.TableIdentifier ids() {
    return io.icegate.lake.schema.LakeTables.logs().identifier();
  }

  /**
   * {@code cycles} shifts of {@code perCycle} one-row batches each, starting at batch {@code from}.
   */
  static void shiftInCycles(TestLake lake, Shifter shifter, int from, int cycles, int perCycle) {
    for (int c = 0; c < cycles; c++) {
      lake.append(from + c * perCycle, perCycle);
      assertThat(shifter.shiftOnce()).isPresent();
    }
  }

  static List<DataFile> dataFiles(Table table) {
    table.refresh();
    List<DataFile> files = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      tasks.forEach(task -> files.add(task.file().copy()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return files;
  }

  private static List<Record> read(Table table, DataFile file) throws IOException {
    List<Record> rows = new ArrayList<>();
    try (CloseableIterable<Record> records =
        Parquet.read(table.io().newInputFile(file))
            .project(table.schema())
            .createReaderFunc(s -> GenericParquetReaders.buildReader(table.schema(), s))
            .build()) {
      records.forEach(rows::add);
    }
    return rows;
  }
}
