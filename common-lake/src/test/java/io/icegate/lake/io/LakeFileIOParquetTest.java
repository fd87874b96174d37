package io.icegate.lake.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.store.InMemoryObjectStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

/** A Parquet file written and read through LakeFileIO, with chunks far smaller than the file. */
class LakeFileIOParquetTest {
  private static final Schema SCHEMA =
      new Schema(
          Types.NestedField.required(1, "id", Types.LongType.get()),
          Types.NestedField.optional(2, "body", Types.StringType.get()));

  @Test
  void parquetRoundTripsThroughRangeReads() throws IOException {
    InMemoryObjectStore store = new InMemoryObjectStore();
    LakeFileIO io = new LakeFileIO(store, new LakeLocations("memory://lake"), 100);
    String location = "memory://lake/warehouse/ns/t/data/part-0.parquet";
    List<Record> written = new ArrayList<>();
    for (long i = 0; i < 2_000; i++) {
      Record record = GenericRecord.create(SCHEMA);
      record.setField("id", i);
      record.setField("body", "line " + i);
      written.add(record);
    }

    try (FileAppender<Record> appender =
        Parquet.write(io.newOutputFile(location))
            .schema(SCHEMA)
            .createWriterFunc(type -> GenericParquetWriter.create(SCHEMA, type))
            .build()) {
      appender.addAll(written);
    }
    List<Record> read = new ArrayList<>();
    try (CloseableIterable<Record> records =
        Parquet.read(io.newInputFile(location))
            .project(SCHEMA)
            .createReaderFunc(type -> GenericParquetReaders.buildReader(SCHEMA, type))
            .build()) {
      records.forEach(record -> read.add(record.copy()));
    }

    assertThat(store.head("warehouse/ns/t/data/part-0.parquet")).isPresent();
    assertThat(read).hasSize(2_000);
    assertThat(read.get(1_999).getField("body")).isEqualTo("line 1999");
    assertThat(read.stream().mapToLong(r -> (Long) r.getField("id")).sum())
        .isEqualTo(1_999L * 2_000 / 2);
  }
}
