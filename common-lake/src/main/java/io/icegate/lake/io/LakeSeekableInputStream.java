package io.icegate.lake.io;

import io.icegate.lake.store.ObjectNotFoundException;
import io.icegate.lake.store.ObjectStore;
import java.io.EOFException;
import java.io.IOException;
import java.util.OptionalLong;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.RangeReadable;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * Reads an object in chunks of range gets, keeping the last chunk; seeking inside it costs no
 * request. The first read fetches the first chunk, so small files (table metadata) cost one
 * request. A missing object surfaces as Iceberg's {@link NotFoundException}.
 */
final class LakeSeekableInputStream extends SeekableInputStream implements RangeReadable {
  private final ObjectStore store;
  private final String key;
  private final String location;
  private final int chunkSize;
  private OptionalLong length;
  private long pos;
  private byte[] chunk = new byte[0];
  private long chunkStart;
  private boolean closed;

  LakeSeekableInputStream(
      ObjectStore store, String key, String location, OptionalLong length, int chunkSize) {
    this.store = store;
    this.key = key;
    this.location = location;
    this.length = length;
    this.chunkSize = chunkSize;
  }

  @Override
  public long getPos() {
    return pos;
  }

  @Override
  public void seek(long newPos) throws IOException {
    checkOpen();
    if (newPos < 0) {
      throw new EOFException("Cannot seek to negative position " + newPos + " in " + location);
    }
    pos = newPos;
  }

  @Override
  public int read() throws IOException {
    checkOpen();
    if (!inChunk(pos)) {
      fill(pos);
      if (!inChunk(pos)) {
        return -1;
      }
    }
    return chunk[(int) (pos++ - chunkStart)] & 0xff;
  }

  @Override
  public int read(byte[] buffer, int offset, int len) throws IOException {
    checkOpen();
    if (len == 0) {
      return 0;
    }
    if (!inChunk(pos)) {
      fill(pos);
    }
    int available = (int) (chunkStart + chunk.length - pos);
    if (available <= 0) {
      return -1;
    }
    int n = Math.min(available, len);
    System.arraycopy(chunk, (int) (pos - chunkStart), buffer, offset, n);
    pos += n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    checkOpen();
    long target = n <= 0 ? pos : Math.min(pos + n, knownLengthOr(pos + n));
    long skipped = target - pos;
    pos = target;
    return skipped;
  }

  @Override
  public void readFully(long position, byte[] buffer, int offset, int len) throws IOException {
    checkOpen();
    byte[] data = getRange(position, len);
    if (data.length < len) {
      throw new EOFException(
          "Cannot read " + len + " bytes at " + position + " of " + location + ": end of file");
    }
    System.arraycopy(data, 0, buffer, offset, len);
  }

  @Override
  public int readTail(byte[] buffer, int offset, int len) throws IOException {
    checkOpen();
    long size = length();
    int n = (int) Math.min(len, size);
    byte[] data = getRange(size - n, n);
    System.arraycopy(data, 0, buffer, offset, data.length);
    return data.length;
  }

  @Override
  public void close() {
    closed = true;
    chunk = new byte[0];
  }

  private boolean inChunk(long position) {
    return position >= chunkStart && position < chunkStart + chunk.length;
  }

  private void fill(long position) {
    if (length.isPresent() && position >= length.getAsLong()) {
      chunk = new byte[0];
      chunkStart = position;
      return;
    }
    chunk = getRange(position, chunkSize);
    chunkStart = position;
    if (chunk.length < chunkSize) {
      length = OptionalLong.of(position + chunk.length);
    }
  }

  private long length() {
    if (length.isEmpty()) {
      length = OptionalLong.of(store.head(key).orElseThrow(() -> notFound(null)).size());
    }
    return length.getAsLong();
  }

  private long knownLengthOr(long fallback) {
    return length.isPresent() ? length.getAsLong() : fallback;
  }

  private byte[] getRange(long position, int len) {
    try {
      return store.getRange(key, position, len);
    } catch (ObjectNotFoundException e) {
      throw notFound(e);
    }
  }

  private NotFoundException notFound(Exception cause) {
    return new NotFoundException(cause, "Failed to open input stream for file: %s", location);
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("Cannot read " + location + ": stream closed");
    }
  }
}
