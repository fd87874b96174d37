package io.icegate.lake.wal;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.store.ObjectStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append API of a service that owns WAL lanes (the ingest service's OTLP receivers hand each
 * decoded request here): one {@link WalWriter} per signal writes it, and the returned future
 * completes when the rows are durable in object storage (DESIGN.md §6). A plain library class: the
 * owning service creates it (from its configuration) and closes it on shutdown.
 */
public final class WalAppender implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WalAppender.class);

  private final Map<WalSignal, WalWriter> writers = new EnumMap<>(WalSignal.class);

  /**
   * Opens one writer per signal. Lanes continue after max(highest listed seq, committed offset in
   * the table), so a seq that was shifted and whose segment was cleaned up is never reused.
   *
   * @param committedOffsets per signal, a lane's committed offset in its table, 0 when none
   */
  public WalAppender(
      ObjectStore store,
      WalWriterSettings settings,
      Function<WalSignal, ToLongFunction<String>> committedOffsets,
      Clock clock) {
    requireNonNull(store, "store is null");
    try {
      for (WalSignal signal : WalSignal.values()) {
        writers.put(
            signal, new WalWriter(store, signal, settings, committedOffsets.apply(signal), clock));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    LOG.info("WAL lanes {} open for {}", settings.lanes(), writers.keySet());
  }

  /**
   * Appends one request's rows to the WAL of {@code signal}. The future completes when they are
   * durable, or fails with {@link WalAppendException} (retryable: the in-flight bound is reached,
   * the ack deadline passed, or the writer is shutting down).
   *
   * @param inputBytes the request's decoded size, counted against flush size and in-flight bound
   */
  public CompletableFuture<Void> append(WalSignal signal, WalBatchRows batch, long inputBytes) {
    requireNonNull(signal, "signal is null");
    requireNonNull(batch, "batch is null");
    return writers.get(signal).append(batch, inputBytes);
  }

  /** The next seq of every lane of {@code signal}, by lane id. */
  public Map<String, Long> nextSeqs(WalSignal signal) {
    return writers.get(signal).nextSeqs();
  }

  /** Writes what is pending and stops every writer, all signals at once. */
  @Override
  public void close() {
    List<RuntimeException> failures = new CopyOnWriteArrayList<>();
    List<Thread> closers = new ArrayList<>();
    for (Map.Entry<WalSignal, WalWriter> writer : writers.entrySet()) {
      Runnable close =
          () -> {
            try {
              writer.getValue().close();
            } catch (RuntimeException e) {
              failures.add(e);
            }
          };
      Thread closer = new Thread(close, "wal-" + writer.getKey().id() + "-close");
      closers.add(closer);
      closer.start();
    }
    try {
      for (Thread closer : closers) {
        closer.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!failures.isEmpty()) {
      RuntimeException first = failures.get(0);
      failures.subList(1, failures.size()).forEach(first::addSuppressed);
      throw first;
    }
  }
}
