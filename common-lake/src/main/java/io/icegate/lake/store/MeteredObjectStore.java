package io.icegate.lake.store;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Records, per operation, requests ({@value #REQUESTS}), errors ({@value #ERRORS}, tagged with the
 * exception's simple name) and latency ({@value #LATENCY}), plus bytes read ({@value #BYTES_READ})
 * and written ({@value #BYTES_WRITTEN}) and {@code putIfAbsent} conflicts ({@value #CONFLICTS}).
 * Every meter carries a {@code store} tag. A listing is timed until its stream is open; pages it
 * fetches later are not timed.
 */
public final class MeteredObjectStore implements ObjectStore {
  public static final String REQUESTS = "icegate.storage.requests";
  public static final String ERRORS = "icegate.storage.errors";
  public static final String LATENCY = "icegate.storage.latency";
  public static final String BYTES_READ = "icegate.storage.bytes.read";
  public static final String BYTES_WRITTEN = "icegate.storage.bytes.written";
  public static final String CONFLICTS = "icegate.storage.conflicts";

  /** Operation tag values. */
  enum Operation {
    GET,
    GET_RANGE,
    HEAD,
    PUT,
    PUT_IF_ABSENT,
    CREATE,
    LIST,
    DELETE,
    DELETE_ALL;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  private final ObjectStore delegate;
  private final MeterRegistry registry;
  private final String storeName;
  private final Map<Operation, Counter> requests = new EnumMap<>(Operation.class);
  private final Map<Operation, Timer> timers = new EnumMap<>(Operation.class);
  private final Counter bytesRead;
  private final Counter bytesWritten;
  private final Counter conflicts;

  /**
   * @param storeName the {@code store} tag, e.g. {@code lake}
   */
  public MeteredObjectStore(ObjectStore delegate, MeterRegistry registry, String storeName) {
    this.delegate = requireNonNull(delegate, "delegate is null");
    this.registry = requireNonNull(registry, "registry is null");
    this.storeName = requireNonNull(storeName, "storeName is null");
    for (Operation op : Operation.values()) {
      requests.put(op, registry.counter(REQUESTS, "store", storeName, "operation", op.tag()));
      timers.put(op, registry.timer(LATENCY, "store", storeName, "operation", op.tag()));
    }
    bytesRead = registry.counter(BYTES_READ, "store", storeName);
    bytesWritten = registry.counter(BYTES_WRITTEN, "store", storeName);
    conflicts = registry.counter(CONFLICTS, "store", storeName);
  }

  @Override
  public byte[] get(String key) {
    byte[] data = measure(Operation.GET, () -> delegate.get(key));
    bytesRead.increment(data.length);
    return data;
  }

  @Override
  public byte[] getRange(String key, long offset, int length) {
    byte[] data = measure(Operation.GET_RANGE, () -> delegate.getRange(key, offset, length));
    bytesRead.increment(data.length);
    return data;
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    return measure(Operation.HEAD, () -> delegate.head(key));
  }

  @Override
  public void put(String key, byte[] data) {
    measure(
        Operation.PUT,
        () -> {
          delegate.put(key, data);
          return null;
        });
    bytesWritten.increment(data.length);
  }

  @Override
  public boolean putIfAbsent(String key, byte[] data) {
    boolean created = measure(Operation.PUT_IF_ABSENT, () -> delegate.putIfAbsent(key, data));
    if (created) {
      bytesWritten.increment(data.length);
    } else {
      conflicts.increment();
    }
    return created;
  }

  @Override
  public OutputStream create(String key, boolean createOnly) {
    OutputStream out = measure(Operation.CREATE, () -> delegate.create(key, createOnly));
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
        bytesWritten.increment();
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        bytesWritten.increment(len);
      }

      @Override
      public void close() throws IOException {
        try {
          super.close();
        } catch (IOException | RuntimeException e) {
          error(Operation.CREATE, e);
          throw e;
        }
      }
    };
  }

  @Override
  public Stream<ObjectInfo> list(String prefix, Optional<String> startAfter) {
    return measure(Operation.LIST, () -> delegate.list(prefix, startAfter));
  }

  @Override
  public void delete(String key) {
    measure(
        Operation.DELETE,
        () -> {
          delegate.delete(key);
          return null;
        });
  }

  @Override
  public void deleteAll(Collection<String> keys) {
    measure(
        Operation.DELETE_ALL,
        () -> {
          delegate.deleteAll(keys);
          return null;
        });
  }

  @Override
  public void close() {
    delegate.close();
  }

  private <T> T measure(Operation op, Supplier<T> call) {
    requests.get(op).increment();
    long start = System.nanoTime();
    try {
      return call.get();
    } catch (RuntimeException e) {
      error(op, e);
      throw e;
    } finally {
      timers.get(op).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
  }

  private void error(Operation op, Exception e) {
    registry
        .counter(
            ERRORS,
            "store",
            storeName,
            "operation",
            op.tag(),
            "error",
            e.getClass().getSimpleName())
        .increment();
  }
}
