package io.icegate.maintain.snapshot;

import io.icegate.lake.io.LakeLocations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.ManifestContent;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.PartitionStatisticsFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.StatisticsFile;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileIO;

/**
 * The object keys a table's metadata reaches: its metadata file and the previous ones it logs, and
 * for every snapshot it keeps the manifest list, the manifests and their live data and delete
 * files, plus statistics files. Every read error propagates: a partial set would make reachable
 * files look like orphans.
 */
final class ReachableFiles {
  private final LakeLocations locations;
  private final Set<String> keys = new HashSet<>();

  ReachableFiles(LakeLocations locations) {
    this.locations = locations;
  }

  Set<String> keys() {
    return keys;
  }

  void addTable(TableMetadata metadata, FileIO io) {
    add(metadata.metadataFileLocation());
    metadata.previousFiles().forEach(entry -> add(entry.file()));
    metadata.statisticsFiles().stream().map(StatisticsFile::path).forEach(this::add);
    metadata.partitionStatisticsFiles().stream()
        .map(PartitionStatisticsFile::path)
        .forEach(this::add);
    Set<String> manifestsSeen = new HashSet<>();
    for (Snapshot snapshot : metadata.snapshots()) {
      if (snapshot.manifestListLocation() != null) {
        add(snapshot.manifestListLocation());
      }
      for (ManifestFile manifest : snapshot.allManifests(io)) {
        // Manifests are shared by many snapshots; each is read once.
        if (manifestsSeen.add(manifest.path())) {
          add(manifest.path());
          addEntries(manifest, metadata, io);
        }
      }
    }
  }

  private void addEntries(ManifestFile manifest, TableMetadata metadata, FileIO io) {
    try {
      if (manifest.content() == ManifestContent.DATA) {
        try (CloseableIterable<String> paths = ManifestFiles.readPaths(manifest, io)) {
          paths.forEach(this::add);
        }
      } else {
        try (CloseableIterable<DeleteFile> deletes =
            ManifestFiles.readDeleteManifest(manifest, io, metadata.specsById())) {
          deletes.forEach(file -> add(file.location()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read manifest " + manifest.path(), e);
    }
  }

  private void add(String location) {
    // Files outside the lake root cannot be among the candidates anyway.
    if (locations.contains(location)) {
      keys.add(locations.key(location));
    }
  }
}
