package io.icegate.lake.catalog;

import io.icegate.lake.store.ObjectInfo;
import io.icegate.lake.store.ObjectNotFoundException;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.TransientStorageException;
import io.icegate.lake.store.UnknownOutcomeException;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only decorator injecting faults into root version writes ({@code putIfAbsent} of {@code
 * catalog/root/v…}); everything else passes through. Faults come from a queue (one per write) or,
 * with {@link #always}, hit every write.
 */
final class FlakyRootStore extends ForwardingStore {
  enum Fault {
    /** The write applies, then the caller sees a timeout. */
    LOSE_ACK,
    /** The caller sees a timeout; the write never applies. */
    TIMEOUT_NOT_APPLIED,
    /** A 503: the write certainly did not apply. */
    UNAVAILABLE,
    /** The caller sees a timeout; the write lands right after the caller next finds it absent. */
    LAND_LATE
  }

  private final ObjectStore delegate;
  private final Queue<Fault> planned = new ConcurrentLinkedQueue<>();
  private final Map<String, byte[]> landingLate = new ConcurrentHashMap<>();
  private final AtomicInteger injected = new AtomicInteger();
  private volatile Fault always;
  private volatile double rate;
  private Random random;
  private volatile Runnable beforeNextRootWrite;

  FlakyRootStore(ObjectStore delegate) {
    super(delegate);
    this.delegate = delegate;
  }

  void plan(Fault... faults) {
    planned.addAll(java.util.List.of(faults));
  }

  void always(Fault fault) {
    always = fault;
  }

  /** Injects a random fault into a {@code rate} share of the writes. */
  synchronized void randomly(double rate, long seed) {
    this.random = new Random(seed);
    this.rate = rate;
  }

  private synchronized Fault nextRandom() {
    if (random == null || random.nextDouble() >= rate) {
      return null;
    }
    return Fault.values()[random.nextInt(Fault.values().length)];
  }

  /** Runs {@code action} once, just before the next root version write reaches the store. */
  void beforeNextRootWrite(Runnable action) {
    beforeNextRootWrite = action;
  }

  int injected() {
    return injected.get();
  }

  @Override
  public boolean putIfAbsent(String key, byte[] data) {
    if (!key.startsWith(RootVersions.PREFIX + "v")) {
      return delegate.putIfAbsent(key, data);
    }
    Runnable hook = beforeNextRootWrite;
    if (hook != null) {
      beforeNextRootWrite = null;
      hook.run();
    }
    Fault fault = always != null ? always : planned.poll();
    if (fault == null) {
      fault = nextRandom();
    }
    if (fault == null) {
      return delegate.putIfAbsent(key, data);
    }
    injected.incrementAndGet();
    switch (fault) {
      case LOSE_ACK -> {
        delegate.putIfAbsent(key, data);
        throw new UnknownOutcomeException("Injected: acknowledgement of " + key + " lost", null);
      }
      case TIMEOUT_NOT_APPLIED ->
          throw new UnknownOutcomeException("Injected: timeout writing " + key, null);
      case UNAVAILABLE -> throw new TransientStorageException("Injected: 503 writing " + key);
      case LAND_LATE -> {
        landingLate.put(key, data.clone());
        throw new UnknownOutcomeException("Injected: timeout writing " + key, null);
      }
      default -> throw new IllegalStateException("Unknown fault " + fault);
    }
  }

  @Override
  public byte[] get(String key) {
    try {
      return delegate.get(key);
    } catch (ObjectNotFoundException e) {
      land(key);
      throw e;
    }
  }

  @Override
  public Optional<ObjectInfo> head(String key) {
    Optional<ObjectInfo> info = delegate.head(key);
    if (info.isEmpty()) {
      land(key);
    }
    return info;
  }

  private void land(String key) {
    byte[] late = landingLate.remove(key);
    if (late != null) {
      delegate.putIfAbsent(key, late);
    }
  }
}
