package io.icegate.rules.store;

import io.icegate.lake.store.ForwardingObjectStore;
import io.icegate.lake.store.ObjectStore;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real store that remembers every call that could change an object, for create-only checks. */
final class RecordingObjectStore extends ForwardingObjectStore {
  final List<String> overwrites = new CopyOnWriteArrayList<>();
  final List<String> creates = new CopyOnWriteArrayList<>();
  final List<String> deletes = new CopyOnWriteArrayList<>();

  RecordingObjectStore(ObjectStore delegate) {
    super(delegate);
  }

  @Override
  public void put(String key, byte[] data) {
    overwrites.add(key);
    super.put(key, data);
  }

  @Override
  public boolean putIfAbsent(String key, byte[] data) {
    creates.add(key);
    return super.putIfAbsent(key, data);
  }

  @Override
  public OutputStream create(String key, boolean createOnly) {
    overwrites.add(key);
    return super.create(key, createOnly);
  }

  @Override
  public void delete(String key) {
    deletes.add(key);
    super.delete(key);
  }

  @Override
  public void deleteAll(Collection<String> keys) {
    deletes.addAll(keys);
    super.deleteAll(keys);
  }
}
