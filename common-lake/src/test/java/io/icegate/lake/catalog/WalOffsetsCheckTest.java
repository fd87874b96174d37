package io.icegate.lake.catalog;

import static io.icegate.lake.catalog.CatalogFixtures.SCHEMA;
import static io.icegate.lake.catalog.CatalogFixtures.catalog;
import static io.icegate.lake.catalog.CatalogFixtures.dataFile;
import static io.icegate.lake.catalog.WalOffsetsCheck.OFFSETS;
import static io.icegate.lake.catalog.WalOffsetsCheck.OFFSETS_BASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.store.InMemoryObjectStore;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WalOffsetsCheckTest {
  private static final TableIdentifier ID = TableIdentifier.of("icegate", "logs");

  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private ObjectStoreCatalog catalog;
  private Table table;

  @BeforeEach
  void createTable() {
    catalog = catalog(store);
    catalog.createNamespace(Namespace.of("icegate"));
    table =
        catalog
            .buildTable(ID, SCHEMA)
            .withProperty(TableProperties.COMMIT_NUM_RETRIES, "2")
            .withProperty(TableProperties.COMMIT_MIN_RETRY_WAIT_MS, "1")
            .create();
  }

  @Test
  void shiftsPlannedFromTheCommittedOffsetsCommit() {
    shift(table, "a", "", "{\"lane-0\":3}");
    shift(table, "b", "{\"lane-0\": 3}", "{\"lane-0\":7,\"lane-1\":1}");
    shift(table, "c", "{\"lane-1\":1,\"lane-0\":7}", "{\"lane-0\":9,\"lane-1\":1}");

    Table loaded = catalog.loadTable(ID);
    assertThat(loaded.snapshots()).hasSize(3);
    assertThat(
            WalOffsetsCheck.committedOffsets(
                operationsOf(loaded), loaded.currentSnapshot().snapshotId()))
        .isEqualTo(Map.of("lane-0", 9L, "lane-1", 1L));
  }

  @Test
  void shiftPlannedFromOutdatedOffsetsIsRejected() {
    shift(table, "a", "{}", "{\"lane-0\":3}");

    assertThatThrownBy(() -> shift(table, "b", "{}", "{\"lane-0\":4}"))
        .isInstanceOf(CommitFailedException.class)
        .hasMessageMatching(
            "Cannot commit snapshot \\d+ to test.icegate.logs: icegate.wal.offsets.base \\{\\}"
                + " differs from the committed WAL offsets \\{lane-0=3\\}; the shift was planned"
                + " on an outdated table state and must be re-planned");
    assertThat(catalog.loadTable(ID).snapshots()).hasSize(1);
  }

  @Test
  void icebergRetryOnANewerBaseCannotBypassTheCheck() {
    Table stale = catalog.loadTable(ID);
    var racing = stale.newFastAppend().appendFile(dataFile("b"));
    racing.set(OFFSETS_BASE, "").set(OFFSETS, "{\"lane-0\":5}");
    shift(table, "a", "", "{\"lane-0\":5}");

    // Iceberg refreshes and re-applies the same summary on the new base: still rejected.
    assertThatThrownBy(racing::commit)
        .isInstanceOf(CommitFailedException.class)
        .hasMessageContaining("icegate.wal.offsets.base  differs from the committed WAL offsets");
    assertThat(catalog.loadTable(ID).snapshots()).hasSize(1);
  }

  @Test
  void snapshotsWithoutOffsetsInBetweenAreSkipped() {
    shift(table, "a", "", "{\"lane-0\":3}");
    table.newFastAppend().appendFile(dataFile("compacted")).commit();

    shift(table, "b", "{\"lane-0\":3}", "{\"lane-0\":4}");

    assertThat(catalog.loadTable(ID).snapshots()).hasSize(3);
  }

  @Test
  void firstShiftMustPlanFromEmptyOffsets() {
    assertThatThrownBy(() -> shift(table, "a", "{\"lane-0\":1}", "{\"lane-0\":2}"))
        .isInstanceOf(CommitFailedException.class)
        .hasMessageContaining("differs from the committed WAL offsets {}");
  }

  @Test
  void malformedOffsetsAreRejected() {
    assertThatThrownBy(() -> shift(table, "a", "{\"lane-0\":\"x\"}", "{}"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "Cannot parse WAL offsets '{\"lane-0\":\"x\"}': seq of lane lane-0 is not an integer");
    assertThatThrownBy(() -> WalOffsetsCheck.parse("[1]"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot parse WAL offsets '[1]': not a JSON object");
  }

  private static void shift(Table target, String file, String base, String offsets) {
    target
        .newFastAppend()
        .appendFile(dataFile(file))
        .set(OFFSETS_BASE, base)
        .set(OFFSETS, offsets)
        .commit();
  }

  private static org.apache.iceberg.TableMetadata operationsOf(Table loaded) {
    return ((org.apache.iceberg.HasTableOperations) loaded).operations().current();
  }
}
