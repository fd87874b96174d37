package io.icegate.lake.view;

import io.icegate.lake.store.ObjectNotFoundException;
import io.icegate.lake.wal.WalKeys.SegmentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.CloseableIterator;

/**
 * One streaming read of a {@link LakeView}: stored rows file by file, then the WAL lane by lane and
 * segment by segment (segments are listed per lane when that lane is reached). Re-plans while it
 * has returned nothing; after the first row a vanished file is a {@link LakeChangedException}.
 */
final class LakeViewRead implements LakeRows {
  private final LakeView view;
  private final LakeQuery query;
  private LakeView.Plan plan;
  private int plans;
  private CloseableIterable<Record> storedIterable;
  private CloseableIterator<Record> stored;
  private Deque<String> lanes;
  private Deque<SegmentId> segments = new ArrayDeque<>();
  private Iterator<Record> walRows = Collections.emptyIterator();
  private Record next;
  private boolean returnedAny;
  private boolean closed;

  LakeViewRead(LakeView view, LakeQuery query) {
    this.view = view;
    this.query = query;
    replan();
  }

  @Override
  public boolean hasNext() {
    while (next == null && !closed) {
      try {
        next = advance();
        if (next == null) {
          closeStored();
          closed = true;
        }
      } catch (ObjectNotFoundException | NotFoundException e) {
        if (returnedAny) {
          throw new LakeChangedException(
              "Cannot finish reading "
                  + query.signal().id()
                  + ": a file was removed while the query read it (compaction or cleanup); run"
                  + " the query again",
              e);
        }
        if (plans >= LakeView.MAX_PLANS) {
          throw e;
        }
        // Nothing handed out yet: start over on the newest snapshot.
        closeStored();
        replan();
      }
    }
    return next != null;
  }

  @Override
  public Record next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Record row = next;
    next = null;
    returnedAny = true;
    return row;
  }

  private void replan() {
    plans++;
    plan = view.plan(query);
    storedIterable = view.storedRows(plan);
    stored = null;
    lanes = null;
    segments = new ArrayDeque<>();
    walRows = Collections.emptyIterator();
  }

  private Record advance() {
    if (lanes == null) {
      if (stored == null) {
        stored = storedIterable.iterator();
      }
      if (stored.hasNext()) {
        return stored.next();
      }
      closeStored();
      lanes = new ArrayDeque<>(view.lanes(query.signal()));
    }
    while (true) {
      if (walRows.hasNext()) {
        return walRows.next();
      }
      if (segments.isEmpty()) {
        if (lanes.isEmpty()) {
          return null;
        }
        segments = new ArrayDeque<>(view.segments(query.signal(), lanes.poll(), plan));
        continue;
      }
      walRows = view.segmentRows(query, plan, segments.poll()).iterator();
    }
  }

  private void closeStored() {
    try {
      if (stored != null) {
        stored.close();
      }
      if (storedIterable != null) {
        storedIterable.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot close a data file: " + e.getMessage(), e);
    } finally {
      stored = null;
      storedIterable = null;
    }
  }

  @Override
  public void close() {
    closed = true;
    next = null;
    closeStored();
  }
}
