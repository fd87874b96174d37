package io.icegate.lake.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/** A store in the heap, for unit tests; safe for concurrent use within one JVM. */
public final class InMemoryObjectStore implements ObjectStore {
  private record Stored(byte[] data, ObjectInfo info) {}

  private final ConcurrentSkipListMap<String, Stored> objects =
      new ConcurrentSkipListMap<>(ObjectKeys.ORDER);
  private final Clock clock;

  public InMemoryObjectStore() {
    this(Clock.systemUTC());
  }

  public InMemoryObjectStore(Clock clock) {
    this.clock = clock;
  }

  @Override
  public byte[] get(String key) {
    return stored(key).data().clone();
  }

  @Override
  public byte[] getRange(String key, long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("Invalid range: offset " + offset + ", length " + length);
    }
    byte[] data = stored(key).data();
    int from = (int) Math.min(offset, data.length);
    int to = (int) Math.min((long) from + length, data.length);
    return Arrays.copyOfRange(data, from, to);
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    ObjectKeys.checkKey(key);
    return Optional.ofNullable(objects.get(key)).map(Stored::info);
  }

  @Override
  public void put(String key, byte[] data) {
    ObjectKeys.checkKey(key);
    objects.put(key, stored(key, data));
  }

  @Override
  public boolean putIfAbsent(String key, byte[] data) {
    ObjectKeys.checkKey(key);
    Stored winner = objects.putIfAbsent(key, stored(key, data));
    return winner == null || Arrays.equals(winner.data(), data);
  }

  @Override
  public OutputStream create(String key, boolean createOnly) {
    ObjectKeys.checkKey(key);
    return new ByteArrayOutputStream() {
      private boolean closed;

      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        if (!createOnly) {
          put(key, toByteArray());
        } else if (!putIfAbsent(key, toByteArray())) {
          throw new ObjectExistsException(key);
        }
      }
    };
  }

  @Override
  public Stream<ObjectInfo> list(String prefix, Optional<String> startAfter) {
    ObjectKeys.checkPrefix(prefix);
    var tail =
        startAfter.isPresent() && ObjectKeys.ORDER.compare(startAfter.get(), prefix) >= 0
            ? objects.tailMap(startAfter.get(), false)
            : objects.tailMap(prefix, true);
    // Copy the page so callers may delete while iterating, as they can on S3.
    List<ObjectInfo> page =
        tail.values().stream()
            .map(Stored::info)
            .takeWhile(info -> info.key().startsWith(prefix))
            .toList();
    return page.stream();
  }

  @Override
  public void delete(String key) {
    ObjectKeys.checkKey(key);
    objects.remove(key);
  }

  @Override
  public void deleteAll(Collection<String> keys) {
    keys.forEach(ObjectKeys::checkKey);
    keys.forEach(objects::remove);
  }

  private Stored stored(String key) {
    ObjectKeys.checkKey(key);
    Stored stored = objects.get(key);
    if (stored == null) {
      throw new ObjectNotFoundException(key);
    }
    return stored;
  }

  private Stored stored(String key, byte[] data) {
    byte[] copy = data.clone();
    return new Stored(copy, new ObjectInfo(key, copy.length, Md5.hex(copy), clock.instant()));
  }
}
