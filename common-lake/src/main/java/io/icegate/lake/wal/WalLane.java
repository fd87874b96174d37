package io.icegate.lake.wal;

import io.icegate.lake.store.Backoff;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.TransientStorageException;
import io.icegate.lake.store.UnknownOutcomeException;
import io.icegate.lake.wal.WalKeys.SegmentId;
import io.icegate.lake.wal.WalSegmentEncoder.EncodedSegment;
import io.icegate.proto.v1.WalSegmentFooter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One lane: a sequence of segments written one at a time, so its seqs are contiguous (DESIGN.md
 * §6). A segment whose outcome is unclear is retried with the same seq and the same bytes until
 * storage says whose it is; the lane never moves past a seq it might still own.
 */
final class WalLane {
  private static final Logger LOG = LoggerFactory.getLogger(WalLane.class);
  private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(2));

  private final ObjectStore store;
  private final WalSignal signal;
  private final String lane;
  private final WalSegmentEncoder encoder;
  private final Clock clock;
  private long nextSeq;

  WalLane(
      ObjectStore store,
      WalSignal signal,
      String lane,
      long firstSeq,
      WalSegmentEncoder encoder,
      Clock clock) {
    this.store = store;
    this.signal = signal;
    this.lane = lane;
    this.nextSeq = firstSeq;
    this.encoder = encoder;
    this.clock = clock;
  }

  long nextSeq() {
    return nextSeq;
  }

  /**
   * Makes {@code group} durable as the lane's next segment and completes every append of it, or
   * fails them all if storage refuses definitively (nothing was written; the seq stays free).
   * Appends whose rows cannot be encoded fail alone; the rest of the group is written.
   *
   * @param stillTrying asked between retries; false stops retrying (shutdown), failing the group
   */
  void write(List<PendingAppend> group, BooleanSupplier stillTrying) {
    String token = UUID.randomUUID().toString();
    List<PendingAppend> writable = group;
    List<WalBatchRows> batches = batches(writable);
    EncodedSegment segment;
    try {
      segment = encode(token, batches);
    } catch (RuntimeException e) {
      writable = dropUnencodable(group);
      if (writable.isEmpty()) {
        return;
      }
      batches = batches(writable);
      segment = encode(token, batches);
    }
    int retry = 0;
    while (true) {
      SegmentId id = new SegmentId(signal, lane, nextSeq);
      try {
        if (store.putIfAbsent(id.key(), segment.bytes())) {
          nextSeq++;
          complete(writable, append -> append.done().complete(null));
          return;
        }
        // Another process writes this lane too (a misconfiguration): never overwrite, move on.
        LOG.warn("WAL segment {} was written by another writer; continuing at the next seq", id);
        nextSeq++;
        segment = encode(token, batches);
        retry = 0;
      } catch (TransientStorageException | UnknownOutcomeException e) {
        if (!stillTrying.getAsBoolean()) {
          fail(writable, "Cannot append: segment " + id.key() + " unconfirmed at shutdown", e);
          return;
        }
        LOG.debug("Retrying WAL segment {} after {}", id, e.getMessage());
        BACKOFF.pause(++retry); // an interrupt is seen by stillTrying on the next failure
      } catch (RuntimeException e) {
        // A definitive refusal: nothing was written, the seq stays free for the next group.
        fail(writable, "Cannot append: writing " + id.key() + " failed: " + e.getMessage(), e);
        return;
      }
    }
  }

  /**
   * Fails the appends whose rows cannot be encoded (a wrong type, a missing required field) and
   * returns the others, so one bad request neither stops the lane nor fails its neighbours.
   */
  private List<PendingAppend> dropUnencodable(List<PendingAppend> group) {
    List<PendingAppend> good = new ArrayList<>();
    for (PendingAppend append : group) {
      try {
        encode("probe", List.of(append.batch()));
        good.add(append);
      } catch (RuntimeException e) {
        fail(
            List.of(append),
            "Cannot append batch " + append.batch().batchId() + ": invalid rows: " + e,
            e);
      }
    }
    return good;
  }

  private static List<WalBatchRows> batches(List<PendingAppend> group) {
    return group.stream().map(PendingAppend::batch).toList();
  }

  private EncodedSegment encode(String token, List<WalBatchRows> batches) {
    WalSegmentFooter header =
        WalSegmentFooter.newBuilder()
            .setWriterToken(token)
            .setSignal(signal.id())
            .setLane(lane)
            .setSeq(nextSeq)
            .setCreatedAtMs(clock.millis())
            .build();
    return encoder.encode(header, batches);
  }

  private static void fail(List<PendingAppend> group, String message, Exception cause) {
    WalAppendException failure = new WalAppendException(message, cause);
    complete(group, append -> append.done().completeExceptionally(failure));
  }

  private static void complete(List<PendingAppend> group, Consumer<PendingAppend> action) {
    group.forEach(action);
  }
}
