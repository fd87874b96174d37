package io.icegate.lake.store;

import java.io.OutputStream;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Stream;

/** Test base for small store decorators (any module's tests): forwards every call. */
public class ForwardingObjectStore implements ObjectStore {
  private final ObjectStore delegate;

  protected ForwardingObjectStore(ObjectStore delegate) {
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
}
