package io.icegate.lake.catalog;

import io.icegate.lake.store.FaultInjectingObjectStore;
import io.icegate.lake.store.FaultInjectingObjectStore.DelayedLanding;
import io.icegate.lake.store.FaultInjectingObjectStore.Operation;
import io.icegate.lake.store.ObjectStore;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults on root version writes ({@code putIfAbsent} of {@code catalog/root/v…}) through the shared
 * {@link FaultInjectingObjectStore}: its crash hook sees each root write first and arms one of the
 * store's own faults for exactly that write. Faults come from a queue (one per write), a fixed
 * fault for every write ({@link #always}), or at random ({@link #randomly}).
 */
final class RootFaults {
  enum Fault {
    /** The write applies, then the caller sees a timeout. */
    LOSE_ACK,
    /** The caller sees a timeout; the write never applies. */
    TIMEOUT_NOT_APPLIED,
    /** A 503 before sending: the write certainly did not apply. */
    UNAVAILABLE,
    /** The caller sees a timeout; the write lands just before the next write of the same key. */
    LAND_LATE
  }

  private static final String ROOT_KEYS = RootVersions.PREFIX + "v";

  private final FaultInjectingObjectStore store;
  private final Queue<Fault> planned = new ConcurrentLinkedQueue<>();
  private final Map<String, DelayedLanding> landingLate = new ConcurrentHashMap<>();
  private final AtomicInteger injected = new AtomicInteger();
  private volatile Fault always;
  private volatile Runnable beforeNextRootWrite;
  private Random random;
  private double rate;

  RootFaults(ObjectStore delegate) {
    this.store = new FaultInjectingObjectStore(delegate).onCrashPoint(this::reached);
  }

  /** The store to give the catalog under test. */
  ObjectStore store() {
    return store;
  }

  void plan(Fault... faults) {
    planned.addAll(List.of(faults));
  }

  void always(Fault fault) {
    always = fault;
  }

  /** Injects a random fault into a {@code rate} share of the root writes. */
  synchronized void randomly(double rate, long seed) {
    this.random = new Random(seed);
    this.rate = rate;
  }

  /** Runs {@code action} once, just before the next root version write reaches the store. */
  void beforeNextRootWrite(Runnable action) {
    beforeNextRootWrite = action;
  }

  int injected() {
    return injected.get();
  }

  private void reached(String point, String key) {
    if (!point.equals(Operation.PUT_IF_ABSENT + ":before") || !key.startsWith(ROOT_KEYS)) {
      return;
    }
    Runnable hook = beforeNextRootWrite;
    if (hook != null) {
      beforeNextRootWrite = null;
      hook.run();
    }
    // Another writer may reach this key between arm() and the moment the late write is captured;
    // only a captured write can land.
    DelayedLanding late = landingLate.get(key);
    if (late != null && late.captured() && landingLate.remove(key, late)) {
      late.land();
    }
    Fault fault = always != null ? always : planned.poll();
    if (fault == null) {
      fault = nextRandom();
    }
    if (fault != null) {
      arm(fault, key);
    }
  }

  /** The store checks its rules right after this hook returns, so the fault hits this write. */
  private void arm(Fault fault, String key) {
    injected.incrementAndGet();
    switch (fault) {
      case LOSE_ACK -> store.loseAcknowledgement(Operation.PUT_IF_ABSENT, key, 1);
      case TIMEOUT_NOT_APPLIED -> store.delayLanding(Operation.PUT_IF_ABSENT, key);
      case UNAVAILABLE -> store.failBeforeSending(Operation.PUT_IF_ABSENT, key, 1);
      case LAND_LATE -> landingLate.put(key, store.delayLanding(Operation.PUT_IF_ABSENT, key));
      default -> throw new IllegalStateException("Unknown fault " + fault);
    }
  }

  private synchronized Fault nextRandom() {
    if (random == null || random.nextDouble() >= rate) {
      return null;
    }
    return Fault.values()[random.nextInt(Fault.values().length)];
  }
}
