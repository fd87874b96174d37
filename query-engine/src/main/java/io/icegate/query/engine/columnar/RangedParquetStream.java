package io.icegate.query.engine.columnar;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.iceberg.io.RangeReadable;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A parquet-mr stream over ranged reads: exact-length reads (footer, column chunks, indexes) fetch
 * exactly their bytes; small reads (Thrift headers of bloom filters and indexes, read byte by byte)
 * fetch a small read-ahead window, not the store stream's megabyte chunks, so skipping a row group
 * by its bloom filter does not read the rest of the file.
 */
final class RangedParquetStream extends SeekableInputStream {
  private static final int READ_AHEAD = 16 << 10;

  private final org.apache.iceberg.io.SeekableInputStream in;
  private final RangeReadable ranged;
  private final long length;
  private long pos;
  private byte[] window = new byte[0];
  private long windowStart;

  RangedParquetStream(org.apache.iceberg.io.SeekableInputStream in, long length) {
    this.in = in;
    this.ranged = (RangeReadable) in;
    this.length = length;
  }

  @Override
  public long getPos() {
    return pos;
  }

  @Override
  public void seek(long newPos) {
    pos = newPos;
  }

  @Override
  public int read() throws IOException {
    if (!fillWindow()) {
      return -1;
    }
    return window[(int) (pos++ - windowStart)] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!fillWindow()) {
      return -1;
    }
    int n = (int) Math.min(len, windowStart + window.length - pos);
    System.arraycopy(window, (int) (pos - windowStart), buffer, offset, n);
    pos += n;
    return n;
  }

  @Override
  public int read(ByteBuffer buffer) throws IOException {
    int len = buffer.remaining();
    byte[] bytes = new byte[len];
    int n = read(bytes, 0, len);
    if (n > 0) {
      buffer.put(bytes, 0, n);
    }
    return n;
  }

  @Override
  public void readFully(byte[] bytes) throws IOException {
    readFully(bytes, 0, bytes.length);
  }

  @Override
  public void readFully(byte[] bytes, int start, int len) throws IOException {
    if (pos + len > length) {
      throw new EOFException("Cannot read " + len + " bytes at " + pos + ": end of file");
    }
    ranged.readFully(pos, bytes, start, len);
    pos += len;
  }

  @Override
  public void readFully(ByteBuffer buffer) throws IOException {
    int len = buffer.remaining();
    if (buffer.hasArray()) {
      readFully(buffer.array(), buffer.arrayOffset() + buffer.position(), len);
      buffer.position(buffer.position() + len);
    } else {
      byte[] bytes = new byte[len];
      readFully(bytes, 0, len);
      buffer.put(bytes);
    }
  }

  /** Makes the window hold {@code pos}; false at the end of the file. */
  private boolean fillWindow() throws IOException {
    if (pos >= windowStart && pos < windowStart + window.length) {
      return true;
    }
    if (pos >= length) {
      return false;
    }
    int n = (int) Math.min(READ_AHEAD, length - pos);
    byte[] bytes = new byte[n];
    ranged.readFully(pos, bytes, 0, n);
    window = bytes;
    windowStart = pos;
    return true;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
