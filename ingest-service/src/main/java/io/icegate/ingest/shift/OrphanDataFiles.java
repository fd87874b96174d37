package io.icegate.ingest.shift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * Data files under a table's data location that no snapshot of the table references: what a
 * rejected, abandoned or crashed shift (or compaction) left behind. Only a listing: deleting is the
 * orphan-file job's (maintain-service), which must also apply its grace period, since a file this
 * lists may belong to a commit still in flight.
 */
public final class OrphanDataFiles {
  private OrphanDataFiles() {}

  /**
   * Lists the orphans, oldest first.
   *
   * @throws IllegalArgumentException if the table's {@code FileIO} cannot list a prefix
   */
  public static List<FileInfo> list(Table table) {
    if (!(table.io() instanceof SupportsPrefixOperations io)) {
      throw new IllegalArgumentException(
          "Cannot list orphan files of " + table.name() + ": its FileIO cannot list a prefix");
    }
    String dataLocation =
        table
            .properties()
            .getOrDefault(TableProperties.WRITE_DATA_LOCATION, table.location() + "/data");
    Set<String> referenced = referencedDataFiles(table);
    List<FileInfo> orphans = new ArrayList<>();
    for (FileInfo file : io.listPrefix(dataLocation + "/")) {
      if (!referenced.contains(file.location())) {
        orphans.add(file);
      }
    }
    orphans.sort(Comparator.comparingLong(FileInfo::createdAtMillis));
    return orphans;
  }

  /** Every data file live in any snapshot of the table's metadata. */
  static Set<String> referencedDataFiles(Table table) {
    Set<String> manifests = new HashSet<>();
    Set<String> files = new HashSet<>();
    for (Snapshot snapshot : table.snapshots()) {
      for (ManifestFile manifest : snapshot.dataManifests(table.io())) {
        if (!manifests.add(manifest.path())) {
          continue; // shared by an earlier snapshot: already read
        }
        try (ManifestReader<DataFile> reader =
            ManifestFiles.read(manifest, table.io(), table.specs())) {
          reader.forEach(file -> files.add(file.location()));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read manifest " + manifest.path(), e);
        }
      }
    }
    return files;
  }
}
