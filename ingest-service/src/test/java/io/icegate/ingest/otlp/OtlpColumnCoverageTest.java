package io.icegate.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.schema.LakeTables;
import io.icegate.lake.schema.TableDefinition;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.iceberg.Files;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing is silently unmapped: from requests that set every OTLP field, every column of every
 * table (nested struct fields included) gets a value, and the rows survive Iceberg's generic
 * Parquet writer and reader unchanged (so the Java types match the schema).
 */
class OtlpColumnCoverageTest {
  private static final Instant RECEIVED = Instant.parse("2026-11-25T10:00:00Z");

  @TempDir Path dir;

  @Test
  void everyLogsAndEventsColumnIsWritten() throws IOException {
    MappedRows rows = new LogRecordMapper().map("acme", MaximalRequests.logs(), RECEIVED);

    assertThat(rows.rejectedCount()).isZero();
    assertCovered(LakeTables.logs(), rows.rows(LogRecordMapper.LOGS));
    assertCovered(LakeTables.events(), rows.rows(LogRecordMapper.EVENTS));
  }

  @Test
  void everySpansColumnIsWritten() throws IOException {
    MappedRows rows = new SpanMapper().map("acme", MaximalRequests.traces(), RECEIVED);

    assertThat(rows.rejectedCount()).isZero();
    assertCovered(LakeTables.spans(), rows.rows(SpanMapper.SPANS));
  }

  @Test
  void everyMetricsColumnIsWrittenByOneOfTheMetricTypes() throws IOException {
    MappedRows rows = new MetricPointMapper().map("acme", MaximalRequests.metrics(), RECEIVED);

    assertThat(rows.rejectedCount()).isZero();
    assertThat(rows.rows(MetricPointMapper.METRICS)).hasSize(5);
    assertCovered(LakeTables.metrics(), rows.rows(MetricPointMapper.METRICS));
  }

  private void assertCovered(TableDefinition table, List<Record> rows) throws IOException {
    assertThat(rows).isNotEmpty();
    assertThat(unwritten(table.schema().asStruct(), rows, ""))
        .as("columns of %s that no OTLP field wrote", table.identifier())
        .isEmpty();
    assertThat(roundTrip(table.schema(), rows)).isEqualTo(rows);
  }

  /** Columns null (or an empty map/list) in every row; nested struct fields as a.b. */
  private static Set<String> unwritten(
      Types.StructType struct, Collection<Record> rows, String at) {
    Set<String> unwritten = new TreeSet<>();
    for (Types.NestedField field : struct.fields()) {
      List<Object> values = new ArrayList<>();
      for (Record row : rows) {
        Object value = row.getField(field.name());
        if (value != null
            && !(value instanceof Map<?, ?> map && map.isEmpty())
            && !(value instanceof List<?> list && list.isEmpty())) {
          values.add(value);
        }
      }
      if (values.isEmpty()) {
        unwritten.add(at + field.name());
      } else if (field.type().isListType()
          && field.type().asListType().elementType().isStructType()) {
        List<Record> elements = new ArrayList<>();
        values.forEach(list -> ((List<?>) list).forEach(e -> elements.add((Record) e)));
        unwritten.addAll(
            unwritten(
                field.type().asListType().elementType().asStructType(),
                elements,
                at + field.name() + "."));
      }
    }
    return unwritten;
  }

  private List<Record> roundTrip(Schema schema, List<Record> rows) throws IOException {
    File file = dir.resolve("rows-" + System.nanoTime() + ".parquet").toFile();
    try (FileAppender<Record> appender =
        Parquet.write(Files.localOutput(file))
            .schema(schema)
            .createWriterFunc(GenericParquetWriter::create)
            .build()) {
      appender.addAll(rows);
    }
    List<Record> read = new ArrayList<>();
    try (CloseableIterable<Record> records =
        Parquet.read(Files.localInput(file))
            .project(schema)
            .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(schema, fileSchema))
            .build()) {
      records.forEach(read::add);
    }
    return read;
  }
}
