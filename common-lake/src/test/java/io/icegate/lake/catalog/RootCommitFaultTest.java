package io.icegate.lake.catalog;

import static io.icegate.lake.catalog.CatalogFixtures.SCHEMA;
import static io.icegate.lake.catalog.CatalogFixtures.catalog;
import static io.icegate.lake.catalog.CatalogFixtures.dataFile;
import static io.icegate.lake.catalog.CatalogFixtures.dataFiles;
import static io.icegate.lake.catalog.CatalogFixtures.metadataFiles;
import static io.icegate.lake.catalog.CatalogFixtures.rootVersions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.catalog.RootFaults.Fault;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.store.TransientStorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ServiceUnavailableException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RootCommitFaultTest {
  private static final TableIdentifier ID = TableIdentifier.of("ns", "t");
  private static final TableIdentifier OTHER = TableIdentifier.of("ns", "other");

  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final RootFaults flaky = new RootFaults(store);
  private ObjectStoreCatalog catalog;
  private Table table;

  @BeforeEach
  void createTable() {
    catalog = catalog(flaky.store(), Map.of(CommitSettings.MAX_STORAGE_RETRIES, "4"));
    catalog.createNamespace(Namespace.of("ns"));
    table =
        catalog
            .buildTable(ID, SCHEMA)
            .withProperty(TableProperties.COMMIT_NUM_RETRIES, "0")
            .create();
    catalog.createTable(OTHER, SCHEMA);
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void injectedFaultNeitherLosesNorDuplicatesACommit(Fault fault) {
    flaky.plan(fault, fault);

    table.newFastAppend().appendFile(dataFile("a")).commit();
    table.newFastAppend().appendFile(dataFile("b")).commit();

    assertThat(flaky.injected()).isEqualTo(2);
    Table reloaded = catalog(store).loadTable(ID);
    assertThat(dataFiles(reloaded))
        .containsExactlyInAnyOrder(dataFile("a").location(), dataFile("b").location());
    assertThat(reloaded.snapshots()).hasSize(2);
    assertThat(rootVersions(store)).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void unresolvableOutcomeIsUnknownAndKeepsTheNewMetadataFile() {
    long before = metadataFiles(store, table);
    flaky.always(Fault.TIMEOUT_NOT_APPLIED);

    assertThatThrownBy(() -> table.newFastAppend().appendFile(dataFile("a")).commit())
        .isInstanceOf(CommitStateUnknownException.class)
        .hasMessageStartingWith(
            "Cannot tell whether the commit of table ns.t succeeded: storage kept failing on"
                + " root version 4");

    assertThat(metadataFiles(store, table)).isEqualTo(before + 1);
    assertThat(rootVersions(store)).containsExactly(1L, 2L, 3L);
  }

  @Test
  void lateLandingAfterGivingUpIsFoundByTheNextLook() {
    flaky.plan(Fault.LAND_LATE);

    table.newFastAppend().appendFile(dataFile("a")).commit();

    assertThat(dataFiles(catalog(store).loadTable(ID))).containsExactly(dataFile("a").location());
    assertThat(rootVersions(store)).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  void persistentUnavailabilityFailsCleanly() {
    long before = metadataFiles(store, table);
    flaky.always(Fault.UNAVAILABLE);

    assertThatThrownBy(() -> table.newFastAppend().appendFile(dataFile("a")).commit())
        .isInstanceOf(TransientStorageException.class)
        .hasMessage(
            "Cannot PUT_IF_ABSENT catalog/root/v00000000000000000004.json: injected failure before sending");

    assertThat(metadataFiles(store, table)).isEqualTo(before);
  }

  @Test
  void commitToAnotherTableInBetweenIsRebasedOver() {
    flaky.beforeNextRootWrite(
        () -> catalog(store).loadTable(OTHER).newFastAppend().appendFile(dataFile("x")).commit());

    table.newFastAppend().appendFile(dataFile("a")).commit();

    ObjectStoreCatalog reader = catalog(store);
    assertThat(dataFiles(reader.loadTable(ID))).containsExactly(dataFile("a").location());
    assertThat(dataFiles(reader.loadTable(OTHER))).containsExactly(dataFile("x").location());
  }

  @Test
  void commitToTheSameTableInBetweenIsAConflict() {
    flaky.beforeNextRootWrite(
        () -> catalog(store).loadTable(ID).newFastAppend().appendFile(dataFile("x")).commit());

    assertThatThrownBy(() -> table.newFastAppend().appendFile(dataFile("a")).commit())
        .isInstanceOf(CommitFailedException.class)
        .hasMessageStartingWith("Cannot commit to table ns.t: its metadata location changed");

    assertThat(dataFiles(catalog(store).loadTable(ID))).containsExactly(dataFile("x").location());
  }

  @Test
  void versionWrittenAfterItsParentWasRemovedIsNotACommit() {
    // A committer paused past the retention: others commit and old versions are removed
    // (v1..v4 here), so the key it is about to write is free again.
    flaky.beforeNextRootWrite(
        () -> {
          ObjectStoreCatalog other = catalog(store);
          for (int i = 0; i < 3; i++) {
            other.loadTable(OTHER).newFastAppend().appendFile(dataFile("x" + i)).commit();
          }
          LongStream.rangeClosed(1, 4).forEach(v -> store.delete(RootVersions.key(v)));
        });

    assertThatThrownBy(() -> table.newFastAppend().appendFile(dataFile("a")).commit())
        .isInstanceOf(CommitFailedException.class)
        .hasMessage(
            "Cannot commit table ns.t: root version 4 was written after its parent 3 had been"
                + " removed; it is not part of the chain");

    assertThat(dataFiles(catalog(store).loadTable(ID))).isEmpty();
  }

  @Test
  void commitPastItsDeadlineWithNothingInFlightFails() {
    ObjectStoreCatalog impatient = deadlineCatalog();
    Table target = impatient.loadTable(ID);
    flaky.always(Fault.UNAVAILABLE);

    assertThatThrownBy(() -> target.newFastAppend().appendFile(dataFile("a")).commit())
        .isInstanceOf(CommitFailedException.class)
        .hasMessage(
            "Cannot commit table ns.t: commit deadline of PT0.05S passed before root version 4");
  }

  @Test
  void commitPastItsDeadlineWithAnUnknownAttemptIsUnknown() {
    ObjectStoreCatalog impatient = deadlineCatalog();
    Table target = impatient.loadTable(ID);
    flaky.always(Fault.TIMEOUT_NOT_APPLIED);

    assertThatThrownBy(() -> target.newFastAppend().appendFile(dataFile("a")).commit())
        .isInstanceOf(CommitStateUnknownException.class)
        .hasMessageStartingWith(
            "Cannot tell whether the commit of table ns.t succeeded: commit deadline of PT0.05S"
                + " passed before root version 4");
  }

  @Test
  void createPastItsDeadlineIsUnavailableNotAlreadyExisting() {
    ObjectStoreCatalog impatient = deadlineCatalog();
    flaky.always(Fault.UNAVAILABLE);
    TableIdentifier fresh = TableIdentifier.of("ns", "fresh");

    assertThatThrownBy(() -> impatient.createTable(fresh, SCHEMA))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageStartingWith("Cannot create table ns.fresh: Cannot commit table ns.fresh:");
    flaky.always(null);
    assertThat(impatient.tableExists(fresh)).isFalse();
  }

  private ObjectStoreCatalog deadlineCatalog() {
    return catalog(
        flaky.store(),
        Map.of(
            CommitSettings.DEADLINE_MS, "50",
            CommitSettings.MAX_STORAGE_RETRIES, "100000",
            CommitSettings.RETRY_BACKOFF_MS, "5"));
  }

  @Test
  void randomFaultsUnderConcurrencyNeitherLoseNorDuplicateCommits() throws Exception {
    catalog
        .loadTable(ID)
        .updateProperties()
        .set(TableProperties.COMMIT_NUM_RETRIES, "1000")
        .set(TableProperties.COMMIT_MIN_RETRY_WAIT_MS, "1")
        .set(TableProperties.COMMIT_MAX_RETRY_WAIT_MS, "20")
        .commit();
    flaky.randomly(0.3, 42);
    Map<String, String> outcomes = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < 8; w++) {
        int writer = w;
        writers.add(
            pool.submit(
                () -> {
                  Table mine = catalog(flaky.store()).loadTable(ID);
                  for (int i = 0; i < 5; i++) {
                    String name = writer + "-" + i;
                    outcomes.put(dataFile(name).location(), append(mine, name));
                  }
                  return null;
                }));
      }
      for (Future<?> writer : writers) {
        writer.get(90, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> present = dataFiles(catalog(store).loadTable(ID));
    assertThat(flaky.injected()).isPositive();
    assertThat(present).doesNotHaveDuplicates();
    outcomes.forEach(
        (file, outcome) -> {
          switch (outcome) {
            case "acked" -> assertThat(present).as(file).contains(file);
            case "failed" -> assertThat(present).as(file).doesNotContain(file);
            default -> assertThat(outcome).isEqualTo("unknown");
          }
        });
  }

  private static String append(Table table, String name) {
    try {
      table.newFastAppend().appendFile(dataFile(name)).commit();
      return "acked";
    } catch (CommitStateUnknownException e) {
      return "unknown";
    } catch (CommitFailedException | TransientStorageException e) {
      return "failed";
    }
  }
}
