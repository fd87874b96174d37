package io.icegate.lake.catalog;

import static io.icegate.lake.catalog.CatalogFixtures.SCHEMA;
import static io.icegate.lake.catalog.CatalogFixtures.catalog;
import static io.icegate.lake.catalog.CatalogFixtures.dataFile;
import static io.icegate.lake.catalog.CatalogFixtures.dataFiles;
import static io.icegate.lake.catalog.CatalogFixtures.rootVersions;
import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.store.InMemoryObjectStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** 16 writers, each with its own catalog instance (as separate processes), on one store. */
class ConcurrentCommitTest {
  private static final int WRITERS = 16;
  private static final int APPENDS = 6;

  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final ExecutorService pool = Executors.newFixedThreadPool(WRITERS);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void writersOnOneTableLoseAndDuplicateNoAcknowledgedAppend() throws Exception {
    TableIdentifier id = TableIdentifier.of("ns", "shared");
    ObjectStoreCatalog setup = catalog(store);
    setup.createNamespace(Namespace.of("ns"));
    setup
        .buildTable(id, SCHEMA)
        .withProperties(
            Map.of(
                TableProperties.COMMIT_NUM_RETRIES, "1000",
                TableProperties.COMMIT_MIN_RETRY_WAIT_MS, "1",
                TableProperties.COMMIT_MAX_RETRY_WAIT_MS, "20",
                TableProperties.COMMIT_TOTAL_RETRY_TIME_MS, "120000"))
        .create();
    Queue<String> acked = new ConcurrentLinkedQueue<>();
    Queue<String> failed = new ConcurrentLinkedQueue<>();

    runWriters(writer -> appendAll(catalog(store).loadTable(id), writer, acked, failed));

    Table table = catalog(store).loadTable(id);
    assertThat(dataFiles(table)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(acked);
    assertThat(acked.size() + failed.size()).isEqualTo(WRITERS * APPENDS);
    assertThat(table.snapshots()).hasSize(acked.size());
    assertValidHistory(table);
    assertContiguousChain();
  }

  @Test
  void writersOnSeparateTablesNeverFailEachOther() throws Exception {
    ObjectStoreCatalog setup = catalog(store);
    setup.createNamespace(Namespace.of("ns"));
    for (int writer = 0; writer < WRITERS; writer++) {
      // No Iceberg retries: any conflict between different tables would surface.
      setup
          .buildTable(TableIdentifier.of("ns", "t" + writer), SCHEMA)
          .withProperty(TableProperties.COMMIT_NUM_RETRIES, "0")
          .create();
    }
    Queue<String> acked = new ConcurrentLinkedQueue<>();
    Queue<String> failed = new ConcurrentLinkedQueue<>();

    runWriters(
        writer ->
            appendAll(
                catalog(store).loadTable(TableIdentifier.of("ns", "t" + writer)),
                writer,
                acked,
                failed));

    assertThat(failed).isEmpty();
    ObjectStoreCatalog reader = catalog(store);
    for (int writer = 0; writer < WRITERS; writer++) {
      Table table = reader.loadTable(TableIdentifier.of("ns", "t" + writer));
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < APPENDS; i++) {
        expected.add(dataFile(writer + "-" + i).location());
      }
      assertThat(dataFiles(table)).containsExactlyInAnyOrderElementsOf(expected);
      assertValidHistory(table);
    }
    assertContiguousChain();
  }

  private interface Writer {
    void run(int writer) throws Exception;
  }

  private void runWriters(Writer body) throws Exception {
    List<Future<?>> futures = new ArrayList<>();
    for (int writer = 0; writer < WRITERS; writer++) {
      int w = writer;
      futures.add(
          pool.submit(
              () -> {
                body.run(w);
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get(90, TimeUnit.SECONDS);
    }
  }

  private static void appendAll(
      Table table, int writer, Queue<String> acked, Queue<String> failed) {
    for (int i = 0; i < APPENDS; i++) {
      String path = dataFile(writer + "-" + i).location();
      try {
        table.newFastAppend().appendFile(dataFile(writer + "-" + i)).commit();
        acked.add(path);
      } catch (CommitFailedException e) {
        failed.add(path);
      }
    }
  }

  /** Snapshots form one line of parents; the metadata log lists readable files in time order. */
  private static void assertValidHistory(Table table) {
    TableMetadata metadata = ((org.apache.iceberg.HasTableOperations) table).operations().current();
    int linked = 0;
    for (Snapshot s = table.currentSnapshot(); s != null; s = parentOf(table, s)) {
      linked++;
    }
    assertThat(linked).isEqualTo(metadata.snapshots().size());
    // Each metadata file names its predecessor last in its own log: one unbroken chain.
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

  private static Snapshot parentOf(Table table, Snapshot snapshot) {
    return snapshot.parentId() == null ? null : table.snapshot(snapshot.parentId());
  }

  private void assertContiguousChain() {
    List<Long> versions = rootVersions(store);
    RootChain chain = new RootChain(store);
    for (int i = 0; i < versions.size(); i++) {
      assertThat(versions.get(i)).isEqualTo(i + 1L);
      assertThat(chain.read(versions.get(i)).parentVersion()).isEqualTo((long) i);
    }
  }
}
