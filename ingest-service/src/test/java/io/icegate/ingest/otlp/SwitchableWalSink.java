package io.icegate.ingest.otlp;

import io.icegate.lake.store.InMemoryObjectStore;
import io.icegate.lake.wal.WalAppendException;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalKeys.SegmentId;
import io.icegate.lake.wal.WalReader;
import io.icegate.lake.wal.WalSegment;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import io.icegate.proto.v1.WalBatch;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link WalSink} over real {@link WalWriter}s on an {@link InMemoryObjectStore}, which tests can
 * switch to refuse appends (as the WAL does under backpressure) or to hold acknowledgements.
 */
final class SwitchableWalSink implements WalSink, AutoCloseable {
  enum Mode {
    WRITE,
    REFUSE,
    HOLD
  }

  private final InMemoryObjectStore store = new InMemoryObjectStore();
  private final Map<WalSignal, WalWriter> writers = new EnumMap<>(WalSignal.class);
  private final List<Held> held = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger refusals =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile Mode mode = Mode.WRITE;

  SwitchableWalSink() {
    WalWriterSettings settings =
        new WalWriterSettings(
            List.of("test-0"),
            WalWriterSettings.DEFAULT_FLUSH_BYTES,
            Duration.ofMillis(10),
            Duration.ofSeconds(10),
            WalWriterSettings.DEFAULT_MAX_IN_FLIGHT_BYTES);
    for (WalSignal signal : WalSignal.values()) {
      writers.put(signal, new WalWriter(store, signal, settings, lane -> 0, Clock.systemUTC()));
    }
  }

  void mode(Mode mode) {
    this.mode = mode;
  }

  /** Appends held (not yet acknowledged) now. */
  int held() {
    return held.size();
  }

  /** Appends refused so far. */
  int refusals() {
    return refusals.get();
  }

  /** Writes what was held and acknowledges it. */
  void release() {
    mode = Mode.WRITE;
    for (Held append : held) {
      writers
          .get(append.signal())
          .append(append.batch(), append.inputBytes())
          .whenComplete(
              (ok, error) -> {
                if (error == null) {
                  append.acknowledged().complete(null);
                } else {
                  append.acknowledged().completeExceptionally(error);
                }
              });
    }
    held.clear();
  }

  @Override
  public CompletableFuture<Void> append(WalSignal signal, WalBatchRows batch, long inputBytes) {
    return switch (mode) {
      case WRITE -> writers.get(signal).append(batch, inputBytes);
      case REFUSE -> {
        refusals.incrementAndGet();
        yield CompletableFuture.failedFuture(
            new WalAppendException("Cannot append: the " + signal.id() + " WAL is full"));
      }
      case HOLD -> {
        CompletableFuture<Void> future = new CompletableFuture<>();
        held.add(new Held(signal, batch, inputBytes, future));
        yield future;
      }
    };
  }

  List<WalBatch> batches(WalSignal signal) {
    List<WalBatch> batches = new ArrayList<>();
    WalReader reader = new WalReader(store);
    for (String lane : reader.lanes(signal)) {
      for (SegmentId id : reader.segmentsAfter(signal, lane, -1)) {
        batches.addAll(reader.read(id).footer().getBatchesList());
      }
    }
    return batches;
  }

  List<org.apache.iceberg.data.Record> rows(WalSignal signal) {
    List<org.apache.iceberg.data.Record> rows = new ArrayList<>();
    WalReader reader = new WalReader(store);
    for (String lane : reader.lanes(signal)) {
      for (SegmentId id : reader.segmentsAfter(signal, lane, -1)) {
        WalSegment segment = reader.read(id);
        rows.addAll(segment.rows(signal.table().schema()));
      }
    }
    return rows;
  }

  /** An append kept back until {@link #release()}. */
  private record Held(
      WalSignal signal,
      WalBatchRows batch,
      long inputBytes,
      CompletableFuture<Void> acknowledged) {}

  @Override
  public void close() {
    release();
    writers.values().forEach(WalWriter::close);
  }
}
