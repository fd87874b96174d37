package io.icegate.lake.io;

import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import java.util.OptionalLong;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.SeekableInputStream;

/** An object read through range requests; the length is fetched once, when first asked for. */
final class LakeInputFile implements InputFile {
  private final ObjectStore store;
  private final String key;
  private final String location;
  private final int chunkSize;
  private OptionalLong length;

  LakeInputFile(
      ObjectStore store, String key, String location, OptionalLong length, int chunkSize) {
    this.store = store;
    this.key = key;
    this.location = location;
    this.length = length;
    this.chunkSize = chunkSize;
  }

  @Override
  public long getLength() {
    if (length.isEmpty()) {
      ObjectInfo info =
          store
              .head(key)
              .orElseThrow(() -> new NotFoundException("File does not exist: %s", location));
      length = OptionalLong.of(info.size());
    }
    return length.getAsLong();
  }

  @Override
  public SeekableInputStream newStream() {
    return new LakeSeekableInputStream(store, key, location, length, chunkSize);
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public boolean exists() {
    return store.head(key).isPresent();
  }

  @Override
  public String toString() {
    return location;
  }
}
