package io.icegate.lake.catalog;

import static io.icegate.lake.catalog.CatalogFixtures.SCHEMA;
import static io.icegate.lake.catalog.CatalogFixtures.catalog;
import static io.icegate.lake.catalog.CatalogFixtures.dataFile;
import static io.icegate.lake.catalog.CatalogFixtures.dataFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.BaseTransaction;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MultiTableTransactionTest {
  private static final TableIdentifier A = TableIdentifier.of("ns", "a");
  private static final TableIdentifier B = TableIdentifier.of("ns", "b");

  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final ExecutorService pool = Executors.newFixedThreadPool(6);

  @BeforeEach
  void createTables() {
    ObjectStoreCatalog setup = catalog(store);
    setup.createNamespace(Namespace.of("ns"));
    setup.createTable(A, SCHEMA);
    setup.createTable(B, SCHEMA);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void readersOfOneRootVersionSeeEachTransactionWhollyOrNotAtAll() throws Exception {
    AtomicBoolean writing = new AtomicBoolean(true);
    AtomicInteger consistentReads = new AtomicInteger();
    Queue<String> committed = new ConcurrentLinkedQueue<>();
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int writer = w;
      writers.add(pool.submit(() -> writeTransactions(writer, 8, committed)));
    }
    List<Future<?>> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      readers.add(
          pool.submit(
              () -> {
                ObjectStoreCatalog reader = catalog(store);
                while (writing.get()) {
                  Map<TableIdentifier, Table> tables = reader.loadTables(List.of(A, B));
                  assertThat(totalFiles(tables.get(A))).isEqualTo(totalFiles(tables.get(B)));
                  consistentReads.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> writer : writers) {
      writer.get(90, TimeUnit.SECONDS);
    }
    writing.set(false);
    for (Future<?> reader : readers) {
      reader.get(10, TimeUnit.SECONDS);
    }

    assertThat(committed).hasSize(32);
    assertThat(consistentReads.get()).isPositive();
    ObjectStoreCatalog reader = catalog(store);
    assertThat(dataFiles(reader.loadTable(A)))
        .containsExactlyInAnyOrderElementsOf(
            committed.stream().map(t -> dataFile(t + "-a").location()).toList());
    assertThat(dataFiles(reader.loadTable(B)))
        .containsExactlyInAnyOrderElementsOf(
            committed.stream().map(t -> dataFile(t + "-b").location()).toList());
  }

  @Test
  void transactionFailsWhollyWhenATableChangedBeforeItsRootVersionLanded() {
    RootFaults flaky = new RootFaults(store);
    ObjectStoreCatalog catalog = catalog(flaky.store());
    List<TableCommit> commits = List.of(append(catalog, A, "t-a"), append(catalog, B, "t-b"));
    flaky.beforeNextRootWrite(
        () -> catalog(store).loadTable(B).newFastAppend().appendFile(dataFile("other")).commit());

    assertThatThrownBy(() -> catalog.commitTransaction(commits))
        .isInstanceOf(CommitFailedException.class)
        .hasMessageStartingWith("Cannot commit to table ns.b: its metadata location changed");

    assertThat(dataFiles(catalog.loadTable(A))).isEmpty();
    assertThat(dataFiles(catalog.loadTable(B))).containsExactly(dataFile("other").location());
  }

  @Test
  void transactionFailsWhollyWhenARequirementNoLongerHolds() {
    ObjectStoreCatalog catalog = catalog(store);
    List<TableCommit> commits = List.of(append(catalog, A, "t-a"), append(catalog, B, "t-b"));
    catalog.loadTable(B).newFastAppend().appendFile(dataFile("other")).commit();

    assertThatThrownBy(() -> catalog.commitTransaction(commits))
        .isInstanceOf(CommitFailedException.class)
        .hasMessage("Requirement failed: branch main was created concurrently");

    assertThat(dataFiles(catalog.loadTable(A))).isEmpty();
  }

  @Test
  void transactionCommitsAsOneRootVersion() {
    ObjectStoreCatalog catalog = catalog(store);
    long before = catalog.currentRoot().version();

    catalog.commitTransaction(List.of(append(catalog, A, "t-a"), append(catalog, B, "t-b")));

    assertThat(catalog.currentRoot().version()).isEqualTo(before + 1);
    assertThat(dataFiles(catalog.loadTable(A))).containsExactly(dataFile("t-a").location());
    assertThat(dataFiles(catalog.loadTable(B))).containsExactly(dataFile("t-b").location());
  }

  private Void writeTransactions(int writer, int count, Queue<String> committed) {
    ObjectStoreCatalog catalog = catalog(store);
    for (int i = 0; i < count; i++) {
      String txn = writer + "-" + i;
      while (true) {
        try {
          catalog.commitTransaction(
              List.of(append(catalog, A, txn + "-a"), append(catalog, B, txn + "-b")));
          committed.add(txn);
          break;
        } catch (CommitFailedException e) {
          // Another transaction moved a table first: rebuild on the new state.
        }
      }
    }
    return null;
  }

  /** An append prepared in an uncommitted Iceberg transaction, as a REST client sends it. */
  private static TableCommit append(ObjectStoreCatalog catalog, TableIdentifier id, String file) {
    BaseTransaction txn = (BaseTransaction) catalog.loadTable(id).newTransaction();
    txn.newFastAppend().appendFile(dataFile(file)).commit();
    return TableCommit.create(id, txn.startMetadata(), txn.currentMetadata());
  }

  private static long totalFiles(Table table) {
    Snapshot current = table.currentSnapshot();
    return current == null ? 0 : Long.parseLong(current.summary().get("total-data-files"));
  }
}
