package io.icegate.lake.store;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A store for tests that fails on command: errors before a request is sent, latency, lost
 * acknowledgements (the write applies, the caller sees a timeout), delayed landings (the caller
 * sees a timeout first, the write applies when the test says so), and crash points (a hook called
 * before and after every operation that may throw to stop the caller there).
 *
 * <p>Faults match an {@link Operation} and a key prefix (the list prefix for {@code list}, any key
 * for {@code deleteAll}). A conditional write ({@code putIfAbsent}, {@code create(key, true)})
 * whose acknowledgement is lost raises {@link UnknownOutcomeException}, like a real store whose
 * resolution failed; other writes raise {@link TransientStorageException}.
 */
public final class FaultInjectingObjectStore implements ObjectStore {
  public enum Operation {
    GET,
    GET_RANGE,
    HEAD,
    PUT,
    PUT_IF_ABSENT,
    CREATE,
    LIST,
    DELETE,
    DELETE_ALL
  }

  /** Called at {@code "<OPERATION>:before"} and {@code "<OPERATION>:after"}; may throw. */
  @FunctionalInterface
  public interface CrashHook {
    void reached(String point, String key);
  }

  /** A write held back from the store: the caller already saw a timeout. */
  public static final class DelayedLanding {
    private volatile BooleanSupplier write;

    /** True once a matching write was intercepted. */
    public boolean captured() {
      return write != null;
    }

    /**
     * Applies the intercepted write now.
     *
     * @return what the write returned: {@code putIfAbsent}'s answer, true for other writes
     */
    public boolean land() {
      BooleanSupplier captured = write;
      if (captured == null) {
        throw new IllegalStateException("No write was intercepted yet");
      }
      return captured.getAsBoolean();
    }
  }

  private enum Kind {
    FAIL,
    LATENCY,
    LOSE_ACK,
    DELAY_LANDING
  }

  private record Rule(
      Operation operation,
      String keyPrefix,
      Kind kind,
      AtomicInteger remaining,
      Duration latency,
      DelayedLanding landing) {
    boolean matches(Operation op, String key, Kind wanted) {
      return kind == wanted
          && operation == op
          && key.startsWith(keyPrefix)
          && remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0;
    }
  }

  private final ObjectStore delegate;
  private final List<Rule> rules = new CopyOnWriteArrayList<>();
  private volatile CrashHook crashHook = (point, key) -> {};

  public FaultInjectingObjectStore(ObjectStore delegate) {
    this.delegate = requireNonNull(delegate, "delegate is null");
  }

  /** The next {@code times} matching calls fail with {@link TransientStorageException}. */
  public FaultInjectingObjectStore failBeforeSending(Operation op, String keyPrefix, int times) {
    rules.add(new Rule(op, keyPrefix, Kind.FAIL, new AtomicInteger(times), Duration.ZERO, null));
    return this;
  }

  /** Every matching call waits {@code latency} first, until {@link #clear}. */
  public FaultInjectingObjectStore addLatency(Operation op, String keyPrefix, Duration latency) {
    rules.add(new Rule(op, keyPrefix, Kind.LATENCY, new AtomicInteger(-1), latency, null));
    return this;
  }

  /** The next {@code times} matching writes apply, then throw a timeout to the caller. */
  public FaultInjectingObjectStore loseAcknowledgement(Operation op, String keyPrefix, int times) {
    rules.add(
        new Rule(op, keyPrefix, Kind.LOSE_ACK, new AtomicInteger(times), Duration.ZERO, null));
    return this;
  }

  /**
   * The next matching write throws a timeout at once and applies on {@link DelayedLanding#land}.
   */
  public DelayedLanding delayLanding(Operation op, String keyPrefix) {
    DelayedLanding landing = new DelayedLanding();
    rules.add(
        new Rule(op, keyPrefix, Kind.DELAY_LANDING, new AtomicInteger(1), Duration.ZERO, landing));
    return landing;
  }

  public FaultInjectingObjectStore onCrashPoint(CrashHook hook) {
    this.crashHook = requireNonNull(hook, "hook is null");
    return this;
  }

  /** Removes every fault and the crash hook. */
  public void clear() {
    rules.clear();
    crashHook = (point, key) -> {};
  }

  @Override
  public byte[] get(String key) {
    return call(Operation.GET, key, () -> delegate.get(key));
  }

  @Override
  public byte[] getRange(String key, long offset, int length) {
    return call(Operation.GET_RANGE, key, () -> delegate.getRange(key, offset, length));
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    return call(Operation.HEAD, key, () -> delegate.head(key));
  }

  @Override
  public void put(String key, byte[] data) {
    write(
        Operation.PUT,
        key,
        false,
        () -> {
          delegate.put(key, data);
          return true;
        });
  }

  @Override
  public boolean putIfAbsent(String key, byte[] data) {
    return this.write(Operation.PUT_IF_ABSENT, key, true, () -> delegate.putIfAbsent(key, data));
  }

  @Override
  public OutputStream create(String key, boolean createOnly) {
    ObjectKeys.checkKey(key);
    boolean held =
        rules.stream()
            .anyMatch(
                r ->
                    r.operation() == Operation.CREATE
                        && key.startsWith(r.keyPrefix())
                        && (r.kind() == Kind.LOSE_ACK || r.kind() == Kind.DELAY_LANDING));
    if (!held) {
      return call(Operation.CREATE, key, () -> delegate.create(key, createOnly));
    }
    // Buffer, so the write can be applied (or held back) as a whole on close.
    return new ByteArrayOutputStream() {
      private boolean closed;

      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        byte[] data = toByteArray();
        FaultInjectingObjectStore.this.write(
            Operation.CREATE,
            key,
            createOnly,
            () -> {
              try (OutputStream out = delegate.create(key, createOnly)) {
                out.write(data);
              } catch (IOException e) {
                throw new StorageException("Cannot create " + key + ": " + e, e);
              }
              return true;
            });
      }
    };
  }

  @Override
  public Stream<ObjectInfo> list(String prefix, Optional<String> startAfter) {
    ObjectKeys.checkPrefix(prefix);
    return call(Operation.LIST, prefix, () -> delegate.list(prefix, startAfter));
  }

  @Override
  public void delete(String key) {
    write(
        Operation.DELETE,
        key,
        false,
        () -> {
          delegate.delete(key);
          return true;
        });
  }

  @Override
  public void deleteAll(Collection<String> keys) {
    keys.forEach(ObjectKeys::checkKey);
    String matchKey =
        keys.stream()
            .filter(k -> rules.stream().anyMatch(r -> k.startsWith(r.keyPrefix())))
            .findFirst()
            .orElse("");
    write(
        Operation.DELETE_ALL,
        matchKey,
        false,
        () -> {
          delegate.deleteAll(keys);
          return true;
        });
  }

  @Override
  public void close() {
    delegate.close();
  }

  private <T> T call(Operation op, String key, Supplier<T> action) {
    before(op, key);
    T result = action.get();
    crashHook.reached(op + ":after", key);
    return result;
  }

  private boolean write(Operation op, String key, boolean conditional, BooleanSupplier action) {
    before(op, key);
    for (Rule rule : rules) {
      if (rule.matches(op, key, Kind.DELAY_LANDING)) {
        rule.landing().write = action;
        throw timeout("delayed landing", op, key, conditional);
      }
    }
    boolean result = action.getAsBoolean();
    for (Rule rule : rules) {
      if (rule.matches(op, key, Kind.LOSE_ACK)) {
        throw timeout("lost acknowledgement", op, key, conditional);
      }
    }
    crashHook.reached(op + ":after", key);
    return result;
  }

  private void before(Operation op, String key) {
    if (op != Operation.LIST && op != Operation.DELETE_ALL) {
      ObjectKeys.checkKey(key);
    }
    crashHook.reached(op + ":before", key);
    for (Rule rule : rules) {
      if (rule.matches(op, key, Kind.LATENCY)) {
        pause(rule.latency());
      }
    }
    for (Rule rule : rules) {
      if (rule.matches(op, key, Kind.FAIL)) {
        throw new TransientStorageException(
            "Cannot " + op + " " + key + ": injected failure before sending");
      }
    }
  }

  private static StorageException timeout(
      String what, Operation op, String key, boolean conditional) {
    String message = "Cannot " + op + " " + key + ": injected " + what;
    SocketTimeoutException cause = new SocketTimeoutException("Read timed out");
    return conditional
        ? new UnknownOutcomeException(message, cause)
        : new TransientStorageException(message, cause);
  }

  private static void pause(Duration latency) {
    try {
      Thread.sleep(latency.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientStorageException("Interrupted during injected latency", e);
    }
  }
}
