package io.icegate.query.loki.index;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * An object store that remembers which Parquet objects (table data files and WAL segments, both
 * {@code .parquet}) a scan read: {@code index/stats} reports their number as {@code chunks}.
 */
final class ObjectsReadStore implements ObjectStore {
  private final ObjectStore delegate;
  private final Set<String> parquetRead = ConcurrentHashMap.newKeySet();

  ObjectsReadStore(ObjectStore delegate) {
    this.delegate = requireNonNull(delegate, "delegate is null");
  }

  int parquetObjectsRead() {
    return parquetRead.size();
  }

  private void note(String key) {
    if (key.endsWith(".parquet")) {
      parquetRead.add(key);
    }
  }

  @Override
  public byte[] get(String key) {
    note(key);
    return delegate.get(key);
  }

  @Override
  public byte[] getRange(String key, long offset, int length) {
    note(key);
    return delegate.getRange(key, offset, length);
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    return delegate.head(key);
  }

  @Override
  public void put(String key, byte[] data) {
    delegate.put(key, data);
  }

  @Override
  public boolean putIfAbsent(String key, byte[] data) {
    return delegate.putIfAbsent(key, data);
  }

  @Override
  public OutputStream create(String key, boolean createOnly) {
    return delegate.create(key, createOnly);
  }

  @Override
  public Stream<ObjectInfo> list(String prefix, Optional<String> startAfter) {
    return delegate.list(prefix, startAfter);
  }

  @Override
  public void delete(String key) {
    delegate.delete(key);
  }

  @Override
  public void deleteAll(Collection<String> keys) {
    delegate.deleteAll(keys);
  }

  @Override
  public void close() {
    // the delegate belongs to the application context
  }
}
