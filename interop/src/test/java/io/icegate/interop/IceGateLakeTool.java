package io.icegate.interop;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.StorageSettings;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.types.Types;

/**
 * IceGate's side of the Spark checks, run as its own process on catalog-service's fat jar: the
 * embedded {@link ObjectStoreCatalog} straight on the S3 store, no REST in between.
 *
 * <pre>
 * write NS TABLE ID=NAME...  create NS.TABLE (id bigint, name string) and append the rows
 * read NS TABLE              print every row as "id|name", one per line, sorted by id
 * </pre>
 *
 * Storage comes from system properties: {@code bucket}, {@code prefix}, {@code endpoint}.
 */
public final class IceGateLakeTool {
  static final Schema SCHEMA =
      new Schema(
          Types.NestedField.optional(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "name", Types.StringType.get()));

  private IceGateLakeTool() {}

  public static void main(String[] args) throws IOException {
    StorageSettings settings =
        StorageSettings.s3(System.getProperty("bucket"))
            .withPrefix(System.getProperty("prefix"))
            .withEndpoint(System.getProperty("endpoint"), true)
            .withCredentials("access", "secret");
    try (ObjectStore store = ObjectStores.open(settings)) {
      ObjectStoreCatalog catalog =
          new ObjectStoreCatalog(store, new LakeLocations(settings.rootLocation()));
      catalog.initialize("icegate", Map.of());
      TableIdentifier identifier = TableIdentifier.of(Namespace.of(args[1]), args[2]);
      switch (args[0]) {
        case "write" -> write(catalog, identifier, List.of(args).subList(3, args.length));
        case "read" -> read(catalog, identifier).forEach(System.out::println);
        default -> throw new IllegalArgumentException("Unknown command: " + args[0]);
      }
    }
    System.out.flush();
    System.exit(0);
  }

  private static void write(
      ObjectStoreCatalog catalog, TableIdentifier identifier, List<String> rows)
      throws IOException {
    if (!catalog.namespaceExists(identifier.namespace())) {
      catalog.createNamespace(identifier.namespace());
    }
    Table table = catalog.createTable(identifier, SCHEMA, PartitionSpec.unpartitioned());
    GenericFileWriterFactory writers =
        new GenericFileWriterFactory.Builder(table).dataFileFormat(FileFormat.PARQUET).build();
    OutputFileFactory files =
        OutputFileFactory.builderFor(table, 1, 1).format(FileFormat.PARQUET).build();
    DataWriter<Record> writer = writers.newDataWriter(files.newOutputFile(), table.spec(), null);
    try (writer) {
      for (String row : rows) {
        String[] parts = row.split("=", 2);
        GenericRecord record = GenericRecord.create(SCHEMA);
        record.setField("id", Long.parseLong(parts[0]));
        record.setField("name", parts[1]);
        writer.write(record);
      }
    }
    table.newAppend().appendFile(writer.toDataFile()).commit();
  }

  private static List<String> read(ObjectStoreCatalog catalog, TableIdentifier identifier)
      throws IOException {
    List<String> rows = new ArrayList<>();
    try (CloseableIterable<Record> records =
        IcebergGenerics.read(catalog.loadTable(identifier)).build()) {
      for (Record record : records) {
        rows.add(record.getField("id") + "|" + record.getField("name"));
      }
    }
    rows.sort(
        (a, b) ->
            Long.compare(
                Long.parseLong(a.substring(0, a.indexOf('|'))),
                Long.parseLong(b.substring(0, b.indexOf('|')))));
    return rows;
  }
}
