package io.icegate.query.engine.columnar;

import java.io.IOException;
import org.apache.iceberg.io.RangeReadable;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * An Iceberg input file as parquet-mr's {@link InputFile}, so every byte still goes through the
 * table's {@code FileIO} (and the query's byte budget and missing-file handling); ranged reads of
 * what parquet-mr asks for when the stream supports them ({@link RangedParquetStream}).
 */
final class IcebergParquetFile implements InputFile {
  private final org.apache.iceberg.io.InputFile file;

  IcebergParquetFile(org.apache.iceberg.io.InputFile file) {
    this.file = file;
  }

  @Override
  public long getLength() {
    return file.getLength();
  }

  @Override
  public SeekableInputStream newStream() {
    org.apache.iceberg.io.SeekableInputStream in = file.newStream();
    if (in instanceof RangeReadable) {
      return new RangedParquetStream(in, file.getLength());
    }
    return new DelegatingSeekableInputStream(in) {
      @Override
      public long getPos() throws IOException {
        return in.getPos();
      }

      @Override
      public void seek(long newPos) throws IOException {
        in.seek(newPos);
      }
    };
  }

  @Override
  public String toString() {
    return file.location();
  }
}
