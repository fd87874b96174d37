package io.icegate.ingest.shift;

import io.icegate.ingest.lake.IngestTables;
import io.icegate.lake.config.DedupWindow;
import io.icegate.lake.lease.LeaseGrant;
import io.icegate.lake.lease.LeaseManager;
import io.icegate.lake.runtime.PeriodicTask;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.wal.WalSignal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the shifter of every signal on an interval, or sooner when its unshifted WAL bytes pass a
 * threshold ({@link ShiftTrigger}), each under its lease ({@code shifter-<signal>}) so one ingest
 * process shifts a signal at a time. The lease only avoids wasted work: racing shifters are safe
 * because the catalog rejects a commit planned on moved offsets.
 *
 * <p>The checks run on a thread of this bean ({@link PeriodicTask}), not on Micronaut's task
 * scheduler: shutdown waits for a check under way, so nothing is written after the service closed.
 */
@Context
@Requires(property = "icegate.shift.enabled", notEquals = "false")
final class ShiftScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(ShiftScheduler.class);
  private static final int MAX_CYCLES_PER_RUN = 16;
  private static final Duration FIRST_CHECK_DELAY = Duration.ofSeconds(1);

  private final IngestTables tables;
  private final ObjectStore store;
  private final LeaseManager leases;
  private final Duration leaseDuration;
  private final ShiftSettings settings;
  private final ShiftTrigger trigger;
  private final MeterRegistry registry;
  private final Map<WalSignal, LeaseGrant> held = new EnumMap<>(WalSignal.class);
  private final Map<WalSignal, String> stopped = new EnumMap<>(WalSignal.class);
  private final PeriodicTask checks;
  // Set at shutdown: no cycle may start then (it would write to storage the process is about to
  // give up, and re-take the leases just released).
  private volatile boolean closed;

  ShiftScheduler(
      IngestTables tables,
      ObjectStore store,
      MeterRegistry registry,
      ShiftConfiguration configuration,
      DedupWindow dedupWindow) {
    this.tables = tables;
    this.store = store;
    this.registry = registry;
    this.leaseDuration = configuration.leaseDuration();
    this.settings = configuration.toSettings(dedupWindow);
    this.trigger =
        new ShiftTrigger(configuration.interval(), configuration.triggerBytes(), System::nanoTime);
    String holder = "ingest-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    this.leases = new LeaseManager(store, holder, Clock.systemUTC());
    // Last: the first check may run as soon as the constructor returns.
    this.checks =
        PeriodicTask.start(
            "shift-scheduler",
            FIRST_CHECK_DELAY,
            configuration.checkInterval(),
            leaseDuration,
            this::run);
  }

  synchronized void run() {
    for (WalSignal signal : WalSignal.values()) {
      if (closed) {
        return;
      }
      if (stopped.containsKey(signal)) {
        continue;
      }
      try {
        // A held lease is kept (renewed) on every check: only its holder measures the WAL.
        boolean holding = held.containsKey(signal) && holdLease(signal);
        boolean due =
            trigger.due(
                signal,
                holding,
                () -> UnshiftedBytes.measure(store, signal, tables.committedOffsets(signal)));
        if (!due) {
          continue;
        }
        trigger.attempted(signal);
        if (holding || holdLease(signal)) {
          shift(signal);
        }
      } catch (MissingOffsetsException e) {
        // Offsets missing from the table's ancestry: shifting on would store everything twice.
        stopped.put(signal, e.getMessage());
        LOG.error("Shifter for {} stopped: {}", signal.id(), e.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("Shift of {} failed; retrying next interval: {}", signal.id(), e.toString());
      }
    }
  }

  /**
   * Stops the checks, waits for one under way, then hands the leases over so another process can
   * shift at once.
   */
  @PreDestroy
  void close() {
    closed = true;
    // Outside the lock: a running check holds it until its shift is done.
    checks.close();
    synchronized (this) {
      held.values().forEach(leases::release);
      held.clear();
    }
  }

  /** Signals whose shifter stopped, with the reason (for health and operators). */
  synchronized Map<WalSignal, String> stopped() {
    return Map.copyOf(stopped);
  }

  private void shift(WalSignal signal) {
    Shifter shifter = new Shifter(tables.table(signal), store, signal, settings);
    for (int cycle = 0; cycle < MAX_CYCLES_PER_RUN; cycle++) {
      if (closed || !held.get(signal).validFor(leaseDuration.dividedBy(3))) {
        return;
      }
      Optional<Shifter.ShiftResult> result = shifter.shiftOnce();
      if (result.isEmpty()) {
        return;
      }
      registry.counter("icegate.shift.rows", "signal", signal.id()).increment(result.get().rows());
      registry
          .counter("icegate.shift.duplicate.rows", "signal", signal.id())
          .increment(result.get().duplicateRows());
    }
  }

  /** Takes or renews the signal's lease; false when another process holds it. */
  private boolean holdLease(WalSignal signal) {
    LeaseGrant grant = held.get(signal);
    Optional<LeaseGrant> next;
    if (grant != null && grant.validFor(leaseDuration.dividedBy(2))) {
      return true;
    } else if (grant != null && grant.validFor(Duration.ZERO)) {
      next = leases.renew(grant);
    } else {
      next = leases.tryAcquire("shifter-" + signal.id(), leaseDuration);
    }
    next.ifPresentOrElse(g -> held.put(signal, g), () -> held.remove(signal));
    return next.isPresent();
  }
}
