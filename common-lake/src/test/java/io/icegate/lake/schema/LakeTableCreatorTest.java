package io.icegate.lake.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.store.InMemoryObjectStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;

class LakeTableCreatorTest {
  private final InMemoryObjectStore store = new InMemoryObjectStore();

  @Test
  void createsAllTablesOnceWithTheirDefinitions() {
    List<Table> first = new LakeTableCreator(catalog()).createMissing();
    List<Table> second = new LakeTableCreator(catalog()).createMissing();

    assertThat(first).extracting(Table::uuid).isEqualTo(second.stream().map(Table::uuid).toList());
    ObjectStoreCatalog catalog = catalog();
    assertThat(catalog.listTables(LakeTables.NAMESPACE))
        .extracting(id -> id.name())
        .containsExactlyInAnyOrder("logs", "spans", "metrics", "events");
    for (TableDefinition definition : LakeTables.all()) {
      Table table = catalog.loadTable(definition.identifier());
      assertThat(table.schema().sameSchema(definition.schema())).isTrue();
      assertThat(table.sortOrder().fields()).hasSameSizeAs(definition.sortOrder().fields());
    }
  }

  @Test
  void racingServicesEndWithOneTableEach() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<List<Table>> create = () -> new LakeTableCreator(catalog()).createMissing();
      List<Future<List<Table>>> results = pool.invokeAll(List.of(create, create, create, create));

      for (Future<List<Table>> result : results) {
        assertThat(result.get())
            .extracting(Table::uuid)
            .isEqualTo(results.get(0).get().stream().map(Table::uuid).toList());
      }
    } finally {
      pool.shutdown();
    }
  }

  private ObjectStoreCatalog catalog() {
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, new LakeLocations("memory://lake"));
    catalog.initialize("lake", Map.of());
    return catalog;
  }
}
