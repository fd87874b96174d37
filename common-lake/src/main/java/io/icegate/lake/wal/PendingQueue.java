package io.icegate.lake.wal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Appends accepted but not yet taken by a lane: the group-commit buffer of one signal. A lane takes
 * a group once it holds {@code flushBytes} of input or its oldest append is {@code flushNanos} old.
 */
final class PendingQueue {
  private final long flushBytes;
  private final long flushNanos;
  private final ArrayDeque<PendingAppend> pending = new ArrayDeque<>();
  private long pendingBytes;
  private boolean closed;

  PendingQueue(long flushBytes, long flushNanos) {
    this.flushBytes = flushBytes;
    this.flushNanos = flushNanos;
  }

  synchronized void add(PendingAppend append) {
    if (closed) {
      throw new WalAppendException("Cannot append: the WAL writer is shutting down");
    }
    pending.add(append);
    pendingBytes += append.inputBytes();
    notifyAll();
  }

  /**
   * Blocks until a group is due and returns it (at most {@code flushBytes} of input, at least one
   * append), or returns empty once closed and drained.
   */
  synchronized Optional<List<PendingAppend>> take() throws InterruptedException {
    while (true) {
      if (!pending.isEmpty()) {
        long age = System.nanoTime() - pending.peekFirst().enqueuedNanos();
        if (closed || pendingBytes >= flushBytes || age >= flushNanos) {
          return Optional.of(takeGroup());
        }
        TimeUnit.NANOSECONDS.timedWait(this, Math.max(1, flushNanos - age));
      } else if (closed) {
        return Optional.empty();
      } else {
        wait();
      }
    }
  }

  synchronized void close() {
    closed = true;
    notifyAll();
  }

  private List<PendingAppend> takeGroup() {
    List<PendingAppend> group = new ArrayList<>();
    long bytes = 0;
    while (!pending.isEmpty() && (group.isEmpty() || bytes < flushBytes)) {
      PendingAppend next = pending.removeFirst();
      group.add(next);
      bytes += next.inputBytes();
    }
    pendingBytes -= bytes;
    return group;
  }
}
