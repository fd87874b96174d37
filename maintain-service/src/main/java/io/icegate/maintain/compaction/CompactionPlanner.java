package io.icegate.maintain.compaction;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Chooses what to compact in a table's current snapshot: per partition, its small files (below
 * {@link CompactionSettings#minFileSizeBytes}) bin-packed first-fit-decreasing into groups of at
 * most the target size. A group that merges fewer than {@code minInputFiles} files gains nothing
 * and is dropped; so is every partition with delete files (IceGate writes none; rewriting data
 * files under deletes would need their sequence numbers). Reads manifests only.
 */
final class CompactionPlanner {
  /** Small files of one partition that are rewritten together. */
  record Group(String partition, int specId, List<DataFile> files) {
    long bytes() {
      return files.stream().mapToLong(DataFile::fileSizeInBytes).sum();
    }

    long rows() {
      return files.stream().mapToLong(DataFile::recordCount).sum();
    }
  }

  /** Groups by partition, the partitions in path order. */
  record Plan(long snapshotId, Map<String, List<Group>> byPartition) {}

  private final CompactionSettings settings;

  CompactionPlanner(CompactionSettings settings) {
    this.settings = settings;
  }

  Plan plan(Table table) {
    long snapshotId = table.currentSnapshot().snapshotId();
    Map<String, List<DataFile>> small = new LinkedHashMap<>();
    Map<String, Boolean> hasDeletes = new LinkedHashMap<>();
    try (CloseableIterable<FileScanTask> tasks =
        table.newScan().useSnapshot(snapshotId).ignoreResiduals().planFiles()) {
      for (FileScanTask task : tasks) {
        DataFile file = task.file();
        String partition = key(table, file);
        if (!task.deletes().isEmpty()) {
          hasDeletes.put(partition, true);
        }
        if (file.fileSizeInBytes() < settings.minFileSizeBytes()) {
          small.computeIfAbsent(partition, p -> new ArrayList<>()).add(file.copyWithoutStats());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot plan files of " + table.name(), e);
    }
    Map<String, List<Group>> groups = new java.util.TreeMap<>();
    small.forEach(
        (partition, files) -> {
          if (!hasDeletes.containsKey(partition)) {
            List<Group> packed = pack(partition, files);
            if (!packed.isEmpty()) {
              groups.put(partition, packed);
            }
          }
        });
    return new Plan(snapshotId, groups);
  }

  private List<Group> pack(String partition, List<DataFile> files) {
    List<DataFile> bySize = new ArrayList<>(files);
    bySize.sort(Comparator.comparingLong(DataFile::fileSizeInBytes).reversed());
    List<List<DataFile>> bins = new ArrayList<>();
    List<Long> binBytes = new ArrayList<>();
    for (DataFile file : bySize) {
      int bin = 0;
      while (bin < bins.size()
          && binBytes.get(bin) + file.fileSizeInBytes() > settings.targetFileSizeBytes()) {
        bin++;
      }
      if (bin == bins.size()) {
        bins.add(new ArrayList<>());
        binBytes.add(0L);
      }
      bins.get(bin).add(file);
      binBytes.set(bin, binBytes.get(bin) + file.fileSizeInBytes());
    }
    List<Group> groups = new ArrayList<>();
    for (List<DataFile> bin : bins) {
      if (bin.size() >= settings.minInputFiles()) {
        groups.add(new Group(partition, bin.get(0).specId(), bin));
      }
    }
    return groups;
  }

  /** The partition as a path ({@code tenant_id=a/timestamp_day=2026-11-25}), spec id first. */
  private static String key(Table table, DataFile file) {
    PartitionSpec spec = table.specs().get(file.specId());
    String path = spec.isUnpartitioned() ? "" : spec.partitionToPath(file.partition());
    return file.specId() + ":" + path;
  }
}
