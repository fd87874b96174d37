package io.icegate.rules.store;

import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectStore;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** A real store that remembers every call that could change an object, for create-only checks. */
final class RecordingObjectStore implements ObjectStore {
  private final ObjectStore delegate;
  final List<String> overwrites = new CopyOnWriteArrayList<>();
  final List<String> creates = new CopyOnWriteArrayList<>();
  final List<String> deletes = new CopyOnWriteArrayList<>();

  RecordingObjectStore(ObjectStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public byte[] get(String key) {
    return delegate.get(key);
  }

  @Override
  public byte[] getRange(String key, long offset, int length) {
    return delegate.getRange(key, offset, length);
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    return delegate.head(key);
  }

  @Override
  public void put(String key, byte[] data) {
    overwrites.add(key);
    delegate.put(key, data);
  }

  @Override
  public boolean putIfAbsent(String key, byte[] data) {
    creates.add(key);
    return delegate.putIfAbsent(key, data);
  }

  @Override
  public OutputStream create(String key, boolean createOnly) {
    overwrites.add(key);
    return delegate.create(key, createOnly);
  }

  @Override
  public Stream<ObjectInfo> list(String prefix, Optional<String> startAfter) {
    return delegate.list(prefix, startAfter);
  }

  @Override
  public void delete(String key) {
    deletes.add(key);
    delegate.delete(key);
  }

  @Override
  public void deleteAll(Collection<String> keys) {
    deletes.addAll(keys);
    delegate.deleteAll(keys);
  }
}
