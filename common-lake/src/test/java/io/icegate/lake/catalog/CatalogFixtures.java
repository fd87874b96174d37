package io.icegate.lake.catalog;

import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.store.ObjectStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/** Small helpers shared by the catalog tests. */
final class CatalogFixtures {
  static final String ROOT = "memory://lake";
  static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "data", Types.StringType.get()));

  private CatalogFixtures() {}

  static ObjectStoreCatalog catalog(ObjectStore store, Map<String, String> extra) {
    return catalog(store, ROOT, extra);
  }

  static ObjectStoreCatalog catalog(ObjectStore store, String root, Map<String, String> extra) {
    Map<String, String> properties = new HashMap<>();
    properties.put(CommitSettings.RETRY_BACKOFF_MS, "1");
    properties.putAll(extra);
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, new LakeLocations(root));
    catalog.initialize("test", properties);
    return catalog;
  }

  static ObjectStoreCatalog catalog(ObjectStore store) {
    return catalog(store, Map.of());
  }

  /** A data file entry; the file itself is never read. */
  static DataFile dataFile(String name) {
    return DataFiles.builder(PartitionSpec.unpartitioned())
        .withPath(ROOT + "/data/" + name + ".parquet")
        .withFileSizeInBytes(10)
        .withRecordCount(1)
        .build();
  }

  /** Paths of the data files in the table's current snapshot. */
  static List<String> dataFiles(Table table) {
    try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
      return StreamSupport.stream(tasks.spliterator(), false)
          .map(task -> task.file().location())
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Keys of root versions, oldest first. */
  static List<Long> rootVersions(ObjectStore store) {
    try (var infos = store.list(RootVersions.PREFIX)) {
      return infos
          .map(info -> RootVersions.version(info.key()))
          .filter(v -> v.isPresent())
          .map(v -> v.getAsLong())
          .toList();
    }
  }

  /** Number of metadata JSON files under the table's metadata folder. */
  static long metadataFiles(ObjectStore store, Table table) {
    String prefix = new LakeLocations(ROOT).key(table.location()) + "/metadata/";
    try (var infos = store.list(prefix)) {
      return infos.filter(info -> info.key().endsWith(".metadata.json")).count();
    }
  }
}
