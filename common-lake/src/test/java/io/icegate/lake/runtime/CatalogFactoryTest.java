package io.icegate.lake.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.catalog.CommitSettings;
import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.store.LocalObjectStore;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.util.Map;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogFactoryTest {
  private static final Schema SCHEMA =
      new Schema(Types.NestedField.required(1, "id", Types.LongType.get()));
  private static final TableIdentifier ID = TableIdentifier.of("ops", "events");

  @TempDir Path lake;

  @Test
  void serviceContextProvidesACatalogOverItsStore() {
    try (ApplicationContext context =
        ServiceRuntime.start(
            IceGateService.CATALOG,
            Map.of(
                "micronaut.server.port",
                -1,
                "icegate.storage.root",
                lake.toString(),
                "icegate.catalog.name",
                "lake",
                "icegate.catalog.commit-deadline",
                "30s"))) {
      ObjectStoreCatalog catalog = context.getBean(ObjectStoreCatalog.class);
      assertThat(context.getBean(ObjectStoreCatalog.class)).isSameAs(catalog);
      assertThat(catalog.name()).isEqualTo("lake");
      assertThat(catalog.properties()).containsEntry(CommitSettings.DEADLINE_MS, "30000");

      catalog.createNamespace(Namespace.of("ops"));
      Table table = catalog.createTable(ID, SCHEMA);
      table
          .newFastAppend()
          .appendFile(
              DataFiles.builder(PartitionSpec.unpartitioned())
                  .withPath(table.location() + "/data/a.parquet")
                  .withFileSizeInBytes(10)
                  .withRecordCount(1)
                  .build())
          .commit();

      assertThat(table.location())
          .startsWith("file:" + lake.toAbsolutePath().normalize() + "/warehouse/ops/events-");
    }

    // Another process embedding the catalog over the same folder sees the commit.
    ObjectStoreCatalog other =
        new ObjectStoreCatalog(
            new LocalObjectStore(lake),
            new LakeLocations("file:" + lake.toAbsolutePath().normalize()));
    other.initialize("other", Map.of());
    assertThat(other.loadTable(ID).currentSnapshot().addedDataFiles(other.io())).hasSize(1);
  }
}
