package io.icegate.lake.catalog;

import static io.icegate.lake.catalog.CatalogFixtures.SCHEMA;
import static io.icegate.lake.catalog.CatalogFixtures.dataFile;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.ServiceUnavailableException;

/**
 * One writer of the concurrency runs: creates its own table, then until the deadline (at least
 * once) appends one data file to the shared table and one to its own table, alternately. Every
 * outcome is reported as a line {@code acked|failed|unknown TABLE FILE}, after the outcome is
 * certain.
 *
 * <p>The own table has Iceberg's retries off: any commit to another table that failed it would show
 * up as {@code failed}.
 */
final class AppendWorkload {
  static final Namespace NAMESPACE = Namespace.of("race");
  static final TableIdentifier SHARED = TableIdentifier.of(NAMESPACE, "shared");

  private AppendWorkload() {}

  /** Creates the namespace and the shared table, with generous Iceberg retries. */
  static void setUp(ObjectStoreCatalog catalog) {
    catalog.createNamespace(NAMESPACE);
    catalog
        .buildTable(SHARED, SCHEMA)
        .withProperty(TableProperties.COMMIT_NUM_RETRIES, "100000")
        .withProperty(TableProperties.COMMIT_MIN_RETRY_WAIT_MS, "5")
        .withProperty(TableProperties.COMMIT_MAX_RETRY_WAIT_MS, "500")
        .withProperty(TableProperties.COMMIT_TOTAL_RETRY_TIME_MS, "600000")
        .create();
  }

  static void run(
      Supplier<ObjectStoreCatalog> catalogs,
      String writer,
      long deadlineNanos,
      Consumer<String> outcomes) {
    ObjectStoreCatalog catalog = catalogs.get();
    TableIdentifier ownId = TableIdentifier.of(NAMESPACE, "own_" + writer);
    Table own = createOwn(catalog, ownId);
    Table shared = catalog.loadTable(SHARED);
    int i = 0;
    do {
      append(shared, dataFile("shared/" + writer + "-" + i), outcomes);
      append(own, dataFile("own/" + writer + "-" + i), outcomes);
      i++;
    } while (System.nanoTime() < deadlineNanos);
  }

  /** A create that ran out of commit time under contention landed nothing; it is tried again. */
  private static Table createOwn(ObjectStoreCatalog catalog, TableIdentifier id) {
    while (true) {
      try {
        return catalog
            .buildTable(id, SCHEMA)
            .withProperty(TableProperties.COMMIT_NUM_RETRIES, "0")
            .create();
      } catch (ServiceUnavailableException e) {
        // the catalog was busy past the commit deadline: nothing landed, so try again
      }
    }
  }

  private static void append(Table table, DataFile file, Consumer<String> outcomes) {
    String outcome;
    try {
      table.newFastAppend().appendFile(file).commit();
      outcome = "acked";
    } catch (CommitStateUnknownException e) {
      outcome = "unknown";
    } catch (CommitFailedException e) {
      outcome = "failed";
    }
    outcomes.accept(outcome + " " + table.name() + " " + file.location());
  }
}
