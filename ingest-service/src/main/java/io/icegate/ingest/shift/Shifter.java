package io.icegate.ingest.shift;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.catalog.WalOffsetsCheck;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.wal.WalBatchIndex;
import io.icegate.lake.wal.WalKeys.SegmentId;
import io.icegate.lake.wal.WalReader;
import io.icegate.lake.wal.WalSegment;
import io.icegate.lake.wal.WalSignal;
import io.icegate.proto.v1.WalBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves one signal's WAL into its Iceberg table exactly once (DESIGN.md §6). A cycle plans from the
 * committed offsets, reads the newer segments, drops batches already stored (within the dedup
 * window, and repeats within the cycle), writes sorted data files per partition, and commits one
 * append carrying the new offsets and the offsets it planned from. The catalog rejects the commit
 * if those moved meanwhile (another shifter won); the cycle then ends and the next re-plans. Data
 * files of a rejected or crashed cycle are orphans for the cleanup job, never referenced.
 */
public final class Shifter {
  private static final Logger LOG = LoggerFactory.getLogger(Shifter.class);
  private final Table table;
  private final WalSignal signal;
  private final WalReader reader;
  private final WalBatchIndex index;
  private final ShiftPlanner planner;
  private final PartitionedFileWriter files;
  private final Duration maxPlanAge;
  private final AtomicLong rejectedCommits = new AtomicLong();

  /** The outcome of one cycle. */
  public record ShiftResult(
      int segments, long rows, long duplicateRows, int dataFiles, Map<String, Long> offsets) {}

  public Shifter(Table table, ObjectStore store, WalSignal signal, ShiftSettings settings) {
    this.table = requireNonNull(table, "table is null");
    this.signal = requireNonNull(signal, "signal is null");
    this.reader = new WalReader(store);
    this.index = new WalBatchIndex(store, signal);
    this.planner =
        new ShiftPlanner(
            reader, index, signal, settings.maxSegmentsPerCycle(), settings.dedupWindow());
    this.files = new PartitionedFileWriter(table, settings.targetFileSizeBytes());
    this.maxPlanAge = settings.maxPlanAge();
  }

  /**
   * Runs one cycle.
   *
   * @return what was shifted, or empty when there was nothing new or the plan was overtaken
   */
  public Optional<ShiftResult> shiftOnce() {
    ShiftPlan plan = planner.plan(table);
    if (plan.isEmpty()) {
      return Optional.empty();
    }
    Set<String> seen = new HashSet<>(plan.storedBatchIds());
    Set<String> shiftedIds = new LinkedHashSet<>();
    List<Record> rows = new ArrayList<>();
    long duplicates = 0;
    for (SegmentId id : plan.segments()) {
      WalSegment segment = reader.read(id);
      Set<String> fresh =
          segment.footer().getBatchesList().stream()
              .map(WalBatch::getBatchId)
              .filter(seen::add)
              .collect(Collectors.toSet());
      duplicates +=
          segment.footer().getBatchesList().stream()
              .filter(batch -> !fresh.contains(batch.getBatchId()))
              .mapToLong(WalBatch::getRowCount)
              .sum();
      rows.addAll(segment.rows(table.schema(), batch -> fresh.contains(batch.getBatchId())));
      shiftedIds.addAll(fresh);
    }
    List<DataFile> written = files.write(rows);
    if (System.nanoTime() - plan.plannedNanos() > maxPlanAge.toNanos()) {
      // Its files could already be candidates for orphan cleanup; committing now could lose them.
      return Optional.empty();
    }
    AppendFiles append = table.newAppend();
    written.forEach(append::appendFile);
    append.set(WalOffsetsCheck.OFFSETS, OffsetsJson.format(plan.next()));
    append.set(WalOffsetsCheck.OFFSETS_BASE, OffsetsJson.format(plan.committed()));
    append.set(WalBatchIndex.SUMMARY_KEY, index.write(shiftedIds));
    try {
      append.commit();
    } catch (CommitFailedException e) {
      rejectedCommits.incrementAndGet();
      LOG.info("Shift of {} overtaken; re-planning: {}", signal.id(), e.getMessage());
      return Optional.empty();
    }
    return Optional.of(
        new ShiftResult(
            plan.segments().size(), rows.size(), duplicates, written.size(), plan.next()));
  }

  /** Cycles whose commit the catalog rejected (another writer moved the offsets first). */
  public long rejectedCommits() {
    return rejectedCommits.get();
  }

  public WalSignal signal() {
    return signal;
  }
}
