package io.icegate.lake.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.store.ObjectStore;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.CatalogTests;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Iceberg's own {@link CatalogTests} against {@link ObjectStoreCatalog}. A store-specific subclass
 * only supplies a fresh store (and, if it likes, the root URI); every capability flag and override
 * here is justified in docs/catalog.md.
 */
public abstract class ObjectStoreCatalogContractTest extends CatalogTests<ObjectStoreCatalog> {
  private ObjectStore store;
  private ObjectStoreCatalog catalog;

  /** A fresh, empty store for one test. */
  protected abstract ObjectStore newStore();

  /** The lake root URI the catalog writes locations under. */
  protected String rootLocation() {
    return "memory://lake";
  }

  @BeforeEach
  void createCatalog() {
    store = newStore();
    catalog =
        initCatalog(
            "test",
            Map.of(
                CatalogProperties.TABLE_DEFAULT_PREFIX + "default-key1", "catalog-default-key1",
                CatalogProperties.TABLE_DEFAULT_PREFIX + "default-key2", "catalog-default-key2",
                CatalogProperties.TABLE_DEFAULT_PREFIX + "override-key3", "catalog-default-key3",
                CatalogProperties.TABLE_OVERRIDE_PREFIX + "override-key3", "catalog-override-key3",
                CatalogProperties.TABLE_OVERRIDE_PREFIX + "override-key4",
                    "catalog-override-key4"));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  protected ObjectStoreCatalog catalog() {
    return catalog;
  }

  /** Every catalog of one test shares the store, as processes of one deployment do. */
  @Override
  protected ObjectStoreCatalog initCatalog(String name, Map<String, String> properties) {
    ObjectStoreCatalog created = new ObjectStoreCatalog(store, new LakeLocations(rootLocation()));
    created.initialize(name, properties);
    return created;
  }

  @Override
  protected boolean requiresNamespaceCreate() {
    return true;
  }

  @Override
  protected boolean supportsEmptyNamespace() {
    return true;
  }

  @Override
  protected boolean supportsNestedNamespaces() {
    return true;
  }

  /** Requested locations must lie in the lake: the suite's default {@code file:/tmp} does not. */
  @Override
  protected String baseTableLocation(TableIdentifier identifier) {
    return rootLocation() + "/custom/" + identifier.namespace() + "/" + identifier.name();
  }

  /** The suite moves the file on the local disk; here it is removed from the store instead. */
  @Test
  @Override
  public void testLoadTableWithMissingMetadataFile(@TempDir Path tempDir) {
    catalog.createNamespace(TBL.namespace());
    catalog.buildTable(TBL, SCHEMA).create();
    Table table = catalog.loadTable(TBL);
    String location = ((HasTableOperations) table).operations().current().metadataFileLocation();

    table.io().deleteFile(location);

    assertThat(table.io().newInputFile(location).exists()).isFalse();
    assertThatThrownBy(() -> catalog.loadTable(TBL))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("Failed to open input stream for file: " + location);
  }

  /**
   * The case of {@code testCreateOrReplaceTransactionConcurrentCreate}, which the suite runs only
   * with server-side retry: without it, Iceberg's {@code BaseTransaction} refreshes and turns the
   * create-or-replace into a replace of the concurrently created table, as with Iceberg's JDBC and
   * Hive catalogs.
   */
  @Test
  public void createOrReplaceTransactionReplacesAConcurrentlyCreatedTable() {
    catalog.createNamespace(NS);
    Transaction createOrReplace = catalog.buildTable(TABLE, SCHEMA).createOrReplaceTransaction();
    createOrReplace.newFastAppend().appendFile(FILE_A).commit();
    Table concurrent = catalog.buildTable(TABLE, OTHER_SCHEMA).create();

    createOrReplace.commitTransaction();

    Table table = catalog.loadTable(TABLE);
    assertThat(table.uuid()).isEqualTo(concurrent.uuid());
    assertThat(table.schema().columns()).extracting(c -> c.name()).containsExactly("id", "data");
    assertFiles(table, FILE_A);
  }
}
