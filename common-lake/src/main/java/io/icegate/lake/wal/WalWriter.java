package io.icegate.lake.wal;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.store.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.apache.iceberg.TableProperties;

/**
 * The WAL of one signal in this process: appends are grouped into segments by size and time and
 * written by several lanes in parallel; an append completes only when its segment is durable in
 * object storage (DESIGN.md §6).
 */
public final class WalWriter implements AutoCloseable {
  private static final long CLOSE_GRACE_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final WalSignal signal;
  private final WalWriterSettings settings;
  private final PendingQueue queue;
  private final Semaphore inFlightBytes;
  private final ScheduledThreadPoolExecutor deadlines;
  private final List<Thread> threads = new ArrayList<>();
  private final List<WalLane> lanes = new ArrayList<>();
  private volatile long closingSince = -1;

  /**
   * Opens the lanes: each continues at max(highest seq present, committed offset) + 1, so a seq
   * that was shifted and cleaned up is never reused.
   *
   * @param committedOffset the lane's committed offset in the table (0 when none)
   */
  public WalWriter(
      ObjectStore store,
      WalSignal signal,
      WalWriterSettings settings,
      ToLongFunction<String> committedOffset,
      Clock clock) {
    this.signal = requireNonNull(signal, "signal is null");
    this.settings = requireNonNull(settings, "settings is null");
    this.queue = new PendingQueue(settings.flushBytes(), settings.flushInterval().toNanos());
    this.inFlightBytes = new Semaphore(Math.toIntExact(settings.maxInFlightBytes()));
    this.deadlines = deadlineTimer(signal);
    WalReader reader = new WalReader(store);
    WalSegmentEncoder encoder =
        new WalSegmentEncoder(signal.table().schema(), segmentProperties(signal));
    encoder.warmUp();
    for (String lane : settings.lanes()) {
      long highest = reader.highestSeq(signal, lane).orElse(0);
      long first = Math.max(highest, committedOffset.applyAsLong(lane)) + 1;
      WalLane walLane = new WalLane(store, signal, lane, first, encoder, clock);
      lanes.add(walLane);
      Thread thread = new Thread(() -> runLane(walLane), "wal-" + signal.id() + "-" + lane);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /**
   * The Parquet writer properties of a signal's WAL segments: the table's, without Parquet bloom
   * filters. Without a known value count a filter takes its maximum size (1 MiB per column), which
   * for {@code spans} made segments of a few hundred rows ~5× larger than their data; segments are
   * read whole by the shifter, and the table files it writes keep the filters.
   */
  public static Map<String, String> segmentProperties(WalSignal signal) {
    Map<String, String> properties = new HashMap<>(signal.table().properties());
    properties
        .keySet()
        .removeIf(
            key -> key.startsWith(TableProperties.PARQUET_BLOOM_FILTER_COLUMN_ENABLED_PREFIX));
    return properties;
  }

  /**
   * Appends one request's rows. The future completes when the rows are durable, or fails with
   * {@link WalAppendException} (retryable) when the WAL is over its in-flight bound or the segment
   * is not confirmed within the ack deadline.
   *
   * @param inputBytes the request's decoded size, counted against flush size and in-flight bound
   */
  public CompletableFuture<Void> append(WalBatchRows batch, long inputBytes) {
    int permits = (int) Math.max(1, Math.min(inputBytes, settings.maxInFlightBytes()));
    if (!inFlightBytes.tryAcquire(permits)) {
      return CompletableFuture.failedFuture(
          new WalAppendException(
              "Cannot append: the "
                  + signal.id()
                  + " WAL has "
                  + settings.maxInFlightBytes()
                  + " bytes in flight; retry later"));
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    done.whenComplete((ok, error) -> inFlightBytes.release(permits));
    try {
      queue.add(new PendingAppend(batch, permits, System.nanoTime(), done));
    } catch (WalAppendException e) {
      done.completeExceptionally(e);
      return done;
    }
    // The caller sees a retryable failure at the deadline; the lane still finishes the segment.
    CompletableFuture<Void> acked = done.copy();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () ->
                acked.completeExceptionally(
                    new WalAppendException(
                        "Cannot append: segment not durable within " + settings.ackDeadline())),
            settings.ackDeadline().toNanos(),
            TimeUnit.NANOSECONDS);
    done.whenComplete((ok, error) -> deadline.cancel(false));
    return acked;
  }

  /** Input bytes accepted but not yet durable (or failed); at most {@code maxInFlightBytes}. */
  public long inFlightBytes() {
    return settings.maxInFlightBytes() - inFlightBytes.availablePermits();
  }

  /** The seq each lane will write next, by lane id (for tests and metrics). */
  public Map<String, Long> nextSeqs() {
    Map<String, Long> seqs = new TreeMap<>();
    for (int i = 0; i < lanes.size(); i++) {
      seqs.put(settings.lanes().get(i), lanes.get(i).nextSeq());
    }
    return seqs;
  }

  /** Stops accepting appends, writes what is pending (for up to 10 s of retries), then stops. */
  @Override
  public void close() {
    closingSince = System.nanoTime();
    queue.close();
    try {
      for (Thread thread : threads) {
        thread.join(TimeUnit.NANOSECONDS.toMillis(CLOSE_GRACE_NANOS) + 5_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      deadlines.shutdown();
    }
  }

  private void runLane(WalLane lane) {
    try {
      while (true) {
        Optional<List<PendingAppend>> group = queue.take();
        if (group.isEmpty()) {
          return;
        }
        try {
          lane.write(group.get(), this::stillTrying);
        } catch (RuntimeException e) {
          // Never let one group stop the lane: fail it and go on with the next.
          WalAppendException failure =
              new WalAppendException("Cannot append: " + e.getMessage(), e);
          group.get().forEach(append -> append.done().completeExceptionally(failure));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ScheduledThreadPoolExecutor deadlineTimer(WalSignal signal) {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              Thread thread = new Thread(task, "wal-" + signal.id() + "-deadlines");
              thread.setDaemon(true);
              return thread;
            });
    // Most appends complete long before their deadline: drop their timers at once.
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }

  private boolean stillTrying() {
    long since = closingSince;
    return since < 0 || System.nanoTime() - since < CLOSE_GRACE_NANOS;
  }
}
