package io.icegate.lake.wal;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.proto.ProtoJson;
import io.icegate.proto.v1.WalBatch;
import io.icegate.proto.v1.WalSegmentFooter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.inmemory.InMemoryOutputFile;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.DateTimeUtil;

/**
 * Writes one WAL segment: a Parquet file in the target table's Iceberg schema (field ids included),
 * zstd, rows batch by batch in arrival order, and a {@link WalSegmentFooter} under {@link
 * #FOOTER_KEY} that says which rows belong to which batch, tenant and time range.
 */
public final class WalSegmentEncoder {
  /** Parquet key-value metadata key of the footer. */
  public static final String FOOTER_KEY = "icegate.wal.v1";

  private static final String TIMESTAMP = "timestamp";

  private final Schema schema;
  private final Map<String, String> writerProperties;

  public WalSegmentEncoder(Schema schema, Map<String, String> tableProperties) {
    this.schema = requireNonNull(schema, "schema is null");
    this.writerProperties = Map.copyOf(tableProperties);
  }

  /** The segment bytes and the footer they carry. */
  public record EncodedSegment(byte[] bytes, WalSegmentFooter footer) {}

  /**
   * Encodes {@code batches} in order. {@code header} supplies the writer token, signal, lane, seq
   * and creation time; its batch list is replaced by the batches written.
   */
  public EncodedSegment encode(WalSegmentFooter header, List<WalBatchRows> batches) {
    if (batches.isEmpty()) {
      throw new IllegalArgumentException("Cannot encode WAL segment: no batches");
    }
    WalSegmentFooter.Builder footer = header.toBuilder().clearBatches();
    long firstRow = 0;
    for (WalBatchRows batch : batches) {
      footer.addBatches(describe(batch, firstRow));
      firstRow += batch.rows().size();
    }
    WalSegmentFooter done = footer.build();
    InMemoryOutputFile out = new InMemoryOutputFile();
    try (FileAppender<Record> appender =
        Parquet.write(out)
            .schema(schema)
            .setAll(writerProperties)
            .set(TableProperties.PARQUET_COMPRESSION, "zstd")
            .meta(FOOTER_KEY, ProtoJson.toJson(done))
            .createWriterFunc(GenericParquetWriter::create)
            .overwrite()
            .build()) {
      for (WalBatchRows batch : batches) {
        appender.addAll(batch.rows());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode WAL segment: " + e.getMessage(), e);
    }
    return new EncodedSegment(out.toByteArray(), done);
  }

  /**
   * Encodes one throw-away row. The first Parquet encode loads and initializes hundreds of classes
   * (seconds on a busy machine); writers pay that at start, not within a request's ack deadline.
   */
  public void warmUp() {
    GenericRecord row = GenericRecord.create(schema);
    for (Types.NestedField field : schema.columns()) {
      if (field.isRequired()) {
        row.setField(field.name(), placeholder(field.type()));
      }
    }
    encode(
        WalSegmentFooter.getDefaultInstance(),
        List.of(new WalBatchRows("0".repeat(32), TenantId.DEFAULT, List.of(row))));
  }

  private static Object placeholder(Type type) {
    return switch (type.typeId()) {
      case STRING -> "";
      case TIMESTAMP -> OffsetDateTime.now(ZoneOffset.UTC);
      case FIXED -> new byte[((Types.FixedType) type).length()];
      default -> throw new IllegalStateException("No placeholder for required " + type);
    };
  }

  private static WalBatch describe(WalBatchRows batch, long firstRow) {
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (Record row : batch.rows()) {
      long micros = DateTimeUtil.microsFromTimestamptz((OffsetDateTime) row.getField(TIMESTAMP));
      min = Math.min(min, micros);
      max = Math.max(max, micros);
    }
    WalBatch.Builder described =
        WalBatch.newBuilder()
            .setBatchId(batch.batchId())
            .setTenant(batch.tenant().value())
            .setFirstRow(firstRow)
            .setRowCount(batch.rows().size());
    if (!batch.rows().isEmpty()) {
      described.setMinTimestampUs(min).setMaxTimestampUs(max);
    }
    return described.build();
  }
}
