package io.icegate.lake.catalog;

import static io.icegate.lake.catalog.CatalogFixtures.rootVersions;
import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.store.ObjectStore;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;

/** What must hold after any number of concurrent commits. */
final class CatalogInvariants {
  private CatalogInvariants() {}

  /** Snapshots form one line of parents; each metadata file names its predecessor last. */
  static void assertValidHistory(Table table) {
    TableMetadata metadata = ((HasTableOperations) table).operations().current();
    int linked = 0;
    for (Snapshot s = table.currentSnapshot(); s != null; s = parentOf(table, s)) {
      linked++;
    }
    assertThat(linked)
        .as("snapshots reachable from the current one")
        .isEqualTo(metadata.snapshots().size());
    List<String> log = new ArrayList<>();
    metadata.previousFiles().forEach(entry -> log.add(entry.file()));
    log.add(metadata.metadataFileLocation());
    for (int i = 1; i < log.size(); i++) {
      TableMetadata file = TableMetadataParser.read(table.io(), log.get(i));
      List<TableMetadata.MetadataLogEntry> previous = file.previousFiles();
      assertThat(previous).as(log.get(i)).isNotEmpty();
      assertThat(previous.get(previous.size() - 1).file()).isEqualTo(log.get(i - 1));
    }
  }

  /** Root versions are 1..N without gaps, each naming the one before as its parent. */
  static void assertContiguousChain(ObjectStore store) {
    List<Long> versions = rootVersions(store);
    RootChain chain = new RootChain(store);
    for (int i = 0; i < versions.size(); i++) {
      assertThat(versions.get(i)).isEqualTo(i + 1L);
      assertThat(chain.read(versions.get(i)).parentVersion()).isEqualTo((long) i);
    }
  }

  private static Snapshot parentOf(Table table, Snapshot snapshot) {
    return snapshot.parentId() == null ? null : table.snapshot(snapshot.parentId());
  }
}
