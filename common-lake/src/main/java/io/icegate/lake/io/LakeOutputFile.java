package io.icegate.lake.io;

import io.icegate.lake.store.ObjectExistsException;
import io.icegate.lake.store.ObjectStore;
import java.io.IOException;
import java.io.OutputStream;
import java.util.OptionalLong;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;

/**
 * An object written through the store's streaming writer. {@link #create()} is create-only: the
 * object appears on close with {@code putIfAbsent} semantics, and a taken key fails the close with
 * {@link AlreadyExistsException}; {@link #createOrOverwrite()} replaces any object.
 */
final class LakeOutputFile implements OutputFile {
  private final ObjectStore store;
  private final String key;
  private final String location;
  private final int chunkSize;

  LakeOutputFile(ObjectStore store, String key, String location, int chunkSize) {
    this.store = store;
    this.key = key;
    this.location = location;
    this.chunkSize = chunkSize;
  }

  @Override
  public PositionOutputStream create() {
    return new Stream(store.create(key, true));
  }

  @Override
  public PositionOutputStream createOrOverwrite() {
    return new Stream(store.create(key, false));
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public InputFile toInputFile() {
    return new LakeInputFile(store, key, location, OptionalLong.empty(), chunkSize);
  }

  @Override
  public String toString() {
    return location;
  }

  private final class Stream extends PositionOutputStream {
    private final OutputStream out;
    private long pos;
    private boolean closed;

    Stream(OutputStream out) {
      this.out = out;
    }

    @Override
    public long getPos() {
      return pos;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      pos++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      pos += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (closed) {
        return;
      }
      closed = true;
      try {
        out.close();
      } catch (ObjectExistsException e) {
        throw new AlreadyExistsException(e, "Cannot create file %s: already exists", location);
      }
    }
  }
}
