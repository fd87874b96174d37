package io.icegate.query.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.io.LakeLocations;
import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.view.LakeView;
import io.icegate.query.engine.columnar.ColumnarStoredReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.CloseableIterator;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.DateTimeUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The column-by-column Parquet reader gives exactly what Iceberg's generic reader gives, value for
 * value: every supported type, nulls, empty and null maps, maps spanning pages, many row groups and
 * pages (so statistics and column indexes skip some), every kind of filter, projections in any
 * order, a column added after some files were written, and row-level deletes (read by the
 * fallback).
 */
class ColumnarReadTest {
  private static final Instant START = Instant.parse("2026-11-25T00:00:00Z");
  private static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.required(2, "ts", Types.TimestampType.withZone()),
          Types.NestedField.optional(3, "name", Types.StringType.get()),
          Types.NestedField.optional(
              4,
              "tags",
              Types.MapType.ofOptional(10, 11, Types.StringType.get(), Types.StringType.get())),
          Types.NestedField.optional(5, "blob", Types.FixedType.ofLength(4)),
          Types.NestedField.optional(6, "score", Types.DoubleType.get()),
          Types.NestedField.optional(7, "flag", Types.BooleanType.get()),
          Types.NestedField.optional(8, "n", Types.IntegerType.get()),
          Types.NestedField.optional(9, "day", Types.DateType.get()));

  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final BufferAllocator allocator = new RootAllocator();
  private final Random random = new Random(42);
  private long nextId;

  @AfterEach
  void closeAllocator() {
    allocator.close();
  }

  @Test
  void everyProjectionAndFilterReadsWhatIcebergReads() {
    Table table = table();
    for (int file = 0; file < 3; file++) {
      append(table, 1000);
    }
    table.updateSchema().addColumn("later", Types.StringType.get()).commit();
    table.refresh();
    append(table, 500);

    List<Schema> projections =
        List.of(
            table.schema(),
            table.schema().select("tags", "id"),
            new Schema(table.schema().findField("later"), table.schema().findField("id")),
            new Schema(
                table.schema().findField("name"),
                table.schema().findField("blob"),
                table.schema().findField("id"),
                table.schema().findField("day")));
    long third = micros(START.plusSeconds(2000));
    List<Expression> filters =
        List.of(
            Expressions.alwaysTrue(),
            Expressions.and(
                Expressions.greaterThanOrEqual("ts", third),
                Expressions.lessThan("ts", third + 600_000_000L)),
            Expressions.equal("name", "name-3"),
            // Iceberg's own evaluator fails on IN over a null string: nulls are ruled out first.
            Expressions.and(
                Expressions.notNull("name"), Expressions.in("name", "name-1", "name-7")),
            Expressions.in("id", 3L, 1000L, 2999L, 3100L),
            Expressions.or(
                Expressions.greaterThan("id", 3000L), Expressions.equal("name", "name-2")),
            Expressions.isNull("name"),
            Expressions.lessThan("score", 0.25),
            Expressions.not(Expressions.equal("name", "name-2")),
            Expressions.and(Expressions.equal("flag", true), Expressions.greaterThan("n", 50)),
            Expressions.equal("later", "later-5"),
            // Bounds on required longs are checked on the vectors, the rest by Iceberg's evaluator.
            Expressions.and(
                Expressions.and(
                    Expressions.greaterThan("id", 100L), Expressions.lessThanOrEqual("id", 2200L)),
                Expressions.equal("name", "name-3")),
            Expressions.equal("id", 1234L),
            Expressions.alwaysFalse());
    int compared = 0;
    for (Schema projection : projections) {
      Schema withId =
          projection.findField("id") == null
              ? new Schema(
                  java.util.stream.Stream.concat(
                          projection.columns().stream(),
                          java.util.stream.Stream.of(table.schema().findField("id")))
                      .toList())
              : projection;
      for (Expression filter : filters) {
        List<Map<String, Object>> expected = generic(table, withId, filter);
        List<Map<String, Object>> actual = columnar(table, withId, filter);
        assertThat(actual).as("%s where %s", withId.asStruct(), filter).isEqualTo(expected);
        compared += expected.size();
      }
    }
    // The filters select something: the comparison is not of empty lists.
    assertThat(compared).isGreaterThan(15_000);
  }

  @Test
  void rowLevelDeletesAreHonouredThroughTheFallback() throws IOException {
    Table table = table();
    DataFile file = append(table, 500);
    PositionDeleteWriter<Record> deletes =
        writers(table)
            .newPositionDeleteWriter(
                EncryptedFiles.plainAsEncryptedOutput(
                    table
                        .io()
                        .newOutputFile(
                            table.location() + "/data/deletes-" + UUID.randomUUID() + ".parquet")),
                table.spec(),
                null);
    try (deletes) {
      for (long position : List.of(0L, 7L, 499L)) {
        PositionDelete<Record> delete = PositionDelete.create();
        deletes.write(delete.set(file.location(), position, null));
      }
    }
    table.newRowDelta().addDeletes(deletes.toDeleteFile()).commit();
    table.refresh();

    List<Map<String, Object>> actual = columnar(table, table.schema(), Expressions.alwaysTrue());

    assertThat(actual).hasSize(497);
    assertThat(actual).isEqualTo(generic(table, table.schema(), Expressions.alwaysTrue()));
  }

  private Table table() {
    ObjectStoreCatalog catalog = new ObjectStoreCatalog(store, new LakeLocations("memory://lake"));
    catalog.initialize("lake", Map.of());
    catalog.createNamespace(Namespace.of("test"));
    return catalog.createTable(
        TableIdentifier.of("test", "columnar"),
        SCHEMA,
        PartitionSpec.unpartitioned(),
        Map.of(
            TableProperties.FORMAT_VERSION, "2",
            // Many row groups and pages per file, so statistics and column indexes have work.
            TableProperties.PARQUET_ROW_GROUP_SIZE_BYTES, "16384",
            TableProperties.PARQUET_PAGE_ROW_LIMIT, "100",
            TableProperties.PARQUET_DICT_SIZE_BYTES, "512"));
  }

  private DataFile append(Table table, int rows) {
    String location = table.location() + "/data/" + UUID.randomUUID() + ".parquet";
    DataWriter<Record> writer =
        writers(table)
            .newDataWriter(
                EncryptedFiles.plainAsEncryptedOutput(table.io().newOutputFile(location)),
                table.spec(),
                null);
    try (writer) {
      for (int r = 0; r < rows; r++) {
        writer.write(row(table.schema()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DataFile file = writer.toDataFile();
    table.newAppend().appendFile(file).commit();
    table.refresh();
    return file;
  }

  private static GenericFileWriterFactory writers(Table table) {
    return new GenericFileWriterFactory.Builder(table)
        .dataFileFormat(FileFormat.PARQUET)
        .deleteFileFormat(FileFormat.PARQUET)
        .writerProperties(table.properties())
        .build();
  }

  private Record row(Schema schema) {
    long id = nextId++;
    GenericRecord row = GenericRecord.create(schema);
    row.setField("id", id);
    row.setField("ts", START.plusMillis(id * 1000 + random.nextInt(1000)).atOffset(ZoneOffset.UTC));
    row.setField("name", random.nextInt(10) == 0 ? null : "name-" + random.nextInt(12));
    int entries = random.nextInt(6);
    if (entries == 5) {
      row.setField("tags", null);
    } else {
      Map<String, String> tags = new LinkedHashMap<>();
      // Up to 40 entries: a row's entries cross page boundaries.
      int count = entries == 4 ? 40 : entries;
      for (int e = 0; e < count; e++) {
        tags.put("k" + e, random.nextInt(8) == 0 ? null : "v" + random.nextInt(1000));
      }
      row.setField("tags", tags);
    }
    row.setField("blob", random.nextInt(7) == 0 ? null : new byte[] {1, 2, (byte) id, 4});
    row.setField("score", random.nextInt(9) == 0 ? null : random.nextDouble());
    row.setField("flag", random.nextInt(11) == 0 ? null : random.nextBoolean());
    row.setField("n", random.nextInt(13) == 0 ? null : random.nextInt(100));
    row.setField("day", LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300)));
    if (schema.findField("later") != null) {
      row.setField("later", random.nextInt(5) == 0 ? null : "later-" + random.nextInt(10));
    }
    return row;
  }

  private List<Map<String, Object>> generic(Table table, Schema projection, Expression filter) {
    RecordArrow arrow = new RecordArrow(projection);
    List<Map<String, Object>> rows = new ArrayList<>();
    try (CloseableIterable<Record> records =
        LakeView.genericRows(table, table.currentSnapshot().snapshotId(), projection, filter)) {
      List<Record> all = new ArrayList<>();
      records.forEach(record -> all.add(record.copy()));
      try (VectorSchemaRoot batch =
          arrow.batch(all.toArray(Record[]::new), all.size(), allocator)) {
        rows.addAll(plain(batch));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows.sort(Comparator.comparing(row -> (Long) row.get("id")));
    return rows;
  }

  private List<Map<String, Object>> columnar(Table table, Schema projection, Expression filter) {
    BatchSizes sizes = new BatchSizes();
    ColumnarStoredReader reader =
        new ColumnarStoredReader(
            projection,
            allocator,
            sizes,
            TenantScan.genericBatches(new RecordArrow(projection), allocator, sizes));
    assertThat(ColumnarStoredReader.supports(table.schema(), projection, filter)).isTrue();
    List<Map<String, Object>> rows = new ArrayList<>();
    try (CloseableIterable<VectorSchemaRoot> batches =
            reader.read(table, table.currentSnapshot().snapshotId(), projection, filter);
        CloseableIterator<VectorSchemaRoot> iterator = batches.iterator()) {
      while (iterator.hasNext()) {
        try (VectorSchemaRoot batch = iterator.next()) {
          rows.addAll(plain(batch));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    rows.sort(Comparator.comparing(row -> (Long) row.get("id")));
    return rows;
  }

  private static List<Map<String, Object>> plain(VectorSchemaRoot batch) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int r = 0; r < batch.getRowCount(); r++) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (var vector : batch.getFieldVectors()) {
        Object value = ArrowPlainValues.value(vector, r);
        row.put(
            vector.getName(), vector.getName().equals("id") ? ((Number) value).longValue() : value);
      }
      rows.add(row);
    }
    return rows;
  }

  private static long micros(Instant instant) {
    return DateTimeUtil.microsFromInstant(instant);
  }
}
