package io.icegate.bench.shift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.io.DataWriteResult;
import org.apache.iceberg.io.FanoutDataWriter;
import org.apache.iceberg.io.OutputFileFactory;

/**
 * The comparison: rows appended to an Iceberg table the plain way — Iceberg's generic Parquet
 * writer through a {@link FanoutDataWriter} (a file per partition, rows in arrival order, 128 MiB
 * target), one {@code newAppend()}; no WAL, no sort, no dedup, no offsets.
 */
final class PlainAppend {
  private PlainAppend() {}

  static void append(Table table, List<Record> rows) {
    GenericFileWriterFactory writers =
        new GenericFileWriterFactory.Builder(table).dataFileFormat(FileFormat.PARQUET).build();
    OutputFileFactory files =
        OutputFileFactory.builderFor(table, 0, 0)
            .format(FileFormat.PARQUET)
            .operationId("plain-" + UUID.randomUUID())
            .build();
    FanoutDataWriter<Record> writer =
        new FanoutDataWriter<>(writers, files, table.io(), 128L << 20);
    PartitionKey key = new PartitionKey(table.spec(), table.schema());
    InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
    try (writer) {
      for (Record row : rows) {
        key.partition(wrapper.wrap(row));
        writer.write(row, table.spec(), key);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DataWriteResult result = writer.result();
    while (true) {
      try {
        AppendFiles append = table.newAppend();
        result.dataFiles().forEach(append::appendFile);
        append.commit();
        return;
      } catch (CommitFailedException e) {
        table.refresh(); // Iceberg's own retries ran out under contention: try again
      }
    }
  }
}
