package io.icegate.lake.catalog;

import static io.icegate.lake.catalog.CatalogFixtures.SCHEMA;
import static io.icegate.lake.catalog.CatalogFixtures.catalog;
import static io.icegate.lake.catalog.CatalogFixtures.dataFile;
import static io.icegate.lake.catalog.CatalogFixtures.dataFiles;
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
import org.apache.iceberg.Table;
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
    CatalogInvariants.assertValidHistory(table);
    CatalogInvariants.assertContiguousChain(store);
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
      CatalogInvariants.assertValidHistory(table);
    }
    CatalogInvariants.assertContiguousChain(store);
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
}
