package io.icegate.lake.wal;

import java.io.IOException;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet {@link InputFile} over bytes already in memory, for reading a segment's footer. */
final class ByteArrayParquetFile implements InputFile {
  private final byte[] bytes;

  ByteArrayParquetFile(byte[] bytes) {
    this.bytes = bytes;
  }

  @Override
  public long getLength() {
    return bytes.length;
  }

  @Override
  public SeekableInputStream newStream() {
    SeekableByteArrayStream in = new SeekableByteArrayStream(bytes);
    return new DelegatingSeekableInputStream(in) {
      @Override
      public long getPos() {
        return in.position();
      }

      @Override
      public void seek(long newPos) throws IOException {
        in.seek(newPos);
      }
    };
  }

  private static final class SeekableByteArrayStream extends java.io.ByteArrayInputStream {
    SeekableByteArrayStream(byte[] bytes) {
      super(bytes);
    }

    long position() {
      return pos;
    }

    void seek(long newPos) throws IOException {
      if (newPos < 0 || newPos > count) {
        throw new IOException("Cannot seek to " + newPos + " of " + count + " bytes");
      }
      pos = (int) newPos;
    }
  }
}
