package io.icegate.lake.wal;

import static java.util.Objects.requireNonNull;

import io.icegate.proto.ProtoJson;
import io.icegate.proto.v1.WalBatch;
import io.icegate.proto.v1.WalSegmentFooter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.inmemory.InMemoryInputFile;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.apache.parquet.hadoop.ParquetFileReader;

/**
 * A WAL segment read from its bytes: the footer first, then only the rows of the batches asked for
 * (one tenant's, or all but already-stored duplicates).
 */
public final class WalSegment {
  private final byte[] bytes;
  private final WalSegmentFooter footer;

  private WalSegment(byte[] bytes, WalSegmentFooter footer) {
    this.bytes = bytes;
    this.footer = footer;
  }

  /**
   * Parses a segment's footer.
   *
   * @throws IllegalArgumentException if the bytes are not a Parquet file with an IceGate footer
   */
  public static WalSegment of(byte[] bytes) {
    requireNonNull(bytes, "bytes is null");
    String json;
    try (ParquetFileReader reader = ParquetFileReader.open(new ByteArrayParquetFile(bytes))) {
      json = reader.getFileMetaData().getKeyValueMetaData().get(WalSegmentEncoder.FOOTER_KEY);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("Cannot read WAL segment: " + e.getMessage(), e);
    }
    if (json == null) {
      throw new IllegalArgumentException(
          "Cannot read WAL segment: no " + WalSegmentEncoder.FOOTER_KEY + " footer");
    }
    return new WalSegment(bytes, ProtoJson.parse(json, WalSegmentFooter.getDefaultInstance()));
  }

  public WalSegmentFooter footer() {
    return footer;
  }

  /** Every row, in the order written. */
  public List<Record> rows(Schema projection) {
    return rows(projection, batch -> true);
  }

  /** The rows of the batches {@code include} accepts, in the order written, projected. */
  public List<Record> rows(Schema projection, Predicate<WalBatch> include) {
    List<WalBatch> wanted = footer.getBatchesList().stream().filter(include).toList();
    List<Record> out = new ArrayList<>();
    if (wanted.isEmpty()) {
      return out;
    }
    boolean[] keep = keepMask(wanted);
    long end = wanted.stream().mapToLong(b -> b.getFirstRow() + b.getRowCount()).max().orElse(0);
    try (CloseableIterable<Record> rows =
        Parquet.read(new InMemoryInputFile(bytes))
            .project(projection)
            .createReaderFunc(
                fileSchema -> GenericParquetReaders.buildReader(projection, fileSchema))
            .build()) {
      int index = 0;
      for (Record row : rows) {
        if (index >= end) {
          // Past the last wanted batch: the rest need not be decoded.
          break;
        }
        if (keep[index]) {
          out.add(row);
        }
        index++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read WAL segment rows: " + e.getMessage(), e);
    }
    return out;
  }

  private boolean[] keepMask(List<WalBatch> wanted) {
    long total = footer.getBatchesList().stream().mapToLong(WalBatch::getRowCount).sum();
    boolean[] keep = new boolean[Math.toIntExact(total)];
    for (WalBatch batch : wanted) {
      for (long row = batch.getFirstRow(); row < batch.getFirstRow() + batch.getRowCount(); row++) {
        keep[Math.toIntExact(row)] = true;
      }
    }
    return keep;
  }
}
