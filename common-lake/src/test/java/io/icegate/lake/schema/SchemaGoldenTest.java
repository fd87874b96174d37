package io.icegate.lake.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionSpecParser;
import org.apache.iceberg.SchemaParser;
import org.apache.iceberg.SortOrderParser;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins every table's schema, partition spec and sort order, field ids included: changing an id
 * would make old data files and WAL segments unreadable. To change a schema on purpose, evolve it
 * (new columns get new ids) and regenerate the golden files with -Dicegate.golden.update=true.
 */
class SchemaGoldenTest {

  static Iterable<TableDefinition> tables() {
    return LakeTables.all();
  }

  @ParameterizedTest
  @MethodSource("tables")
  void definitionMatchesGoldenFile(TableDefinition table) throws IOException {
    String name = table.identifier().name();
    String actual =
        SchemaParser.toJson(table.schema(), true)
            + "\n"
            + PartitionSpecParser.toJson(table.spec(), true)
            + "\n"
            + SortOrderParser.toJson(table.sortOrder(), true)
            + "\n";
    if (Boolean.getBoolean("icegate.golden.update")) {
      Files.writeString(Path.of("src/test/resources/schemas/" + name + ".json"), actual);
    }

    assertThat(actual).isEqualTo(golden(name));
  }

  @ParameterizedTest
  @MethodSource("tables")
  void catalogKeepsOurFieldIdsOnCreate(TableDefinition definition) {
    try (InMemoryCatalog catalog = new InMemoryCatalog()) {
      catalog.initialize("golden", Map.of());
      catalog.createNamespace(LakeTables.NAMESPACE);
      Table table =
          catalog
              .buildTable(definition.identifier(), definition.schema())
              .withPartitionSpec(definition.spec())
              .withSortOrder(definition.sortOrder())
              .withProperties(definition.properties())
              .create();

      assertThat(table.schema().sameSchema(definition.schema())).isTrue();
      assertThat(table.spec().fields()).isEqualTo(definition.spec().fields());
      Map<String, String> stored = new HashMap<>(definition.properties());
      // format-version is reserved: Iceberg keeps it in the metadata, not in the properties.
      assertThat(stored.remove(TableProperties.FORMAT_VERSION)).isEqualTo("2");
      assertThat(((HasTableOperations) table).operations().current().formatVersion()).isEqualTo(2);
      assertThat(table.properties()).containsAllEntriesOf(stored);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String golden(String name) throws IOException {
    try (InputStream in =
        SchemaGoldenTest.class.getResourceAsStream("/schemas/" + name + ".json")) {
      assertThat(in).as("golden file schemas/%s.json", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
