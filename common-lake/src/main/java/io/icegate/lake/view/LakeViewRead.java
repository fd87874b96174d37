package io.icegate.lake.view;

import io.icegate.lake.store.ObjectNotFoundException;
import io.icegate.lake.wal.WalKeys.SegmentId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.CloseableIterator;

/**
 * One streaming read of a {@link LakeView}: stored rows file by file, then the WAL lane by lane and
 * segment by segment (segments are listed per lane when that lane is reached). Re-plans while it
 * has returned nothing; after the first item a vanished file is a {@link LakeChangedException}.
 *
 * @param <T> a row, or a batch of rows: the {@link StoredReader} reads data files into {@code T}s,
 *     {@code walItems} turns one WAL segment's matching rows into {@code T}s
 */
class LakeViewRead<T> implements LakeStream<T> {
  private final LakeView view;
  private final LakeQuery query;
  private final StoredReader<T> storedReader;
  private final Function<List<Record>, Iterator<T>> walItems;
  private LakeView.Plan plan;
  private int plans;
  private CloseableIterable<T> storedIterable;
  private CloseableIterator<T> stored;
  private Deque<String> lanes;
  private Deque<SegmentId> segments = new ArrayDeque<>();
  private Iterator<T> walRows = Collections.emptyIterator();
  private T next;
  private boolean returnedAny;
  private boolean closed;

  LakeViewRead(
      LakeView view,
      LakeQuery query,
      StoredReader<T> storedReader,
      Function<List<Record>, Iterator<T>> walItems) {
    this.view = view;
    this.query = query;
    this.storedReader = storedReader;
    this.walItems = walItems;
    replan();
  }

  /** The plain row stream: Iceberg's generic reader for data files, WAL rows one by one. */
  static final class Rows extends LakeViewRead<Record> implements LakeRows {
    Rows(LakeView view, LakeQuery query) {
      super(view, query, LakeView::genericRows, List::iterator);
    }
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
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T row = next;
    next = null;
    returnedAny = true;
    return row;
  }

  private void replan() {
    plans++;
    plan = view.plan(query);
    storedIterable =
        plan.snapshotId() == null
            ? CloseableIterable.empty()
            : storedReader.read(plan.table(), plan.snapshotId(), plan.projection(), plan.filter());
    stored = null;
    lanes = null;
    segments = new ArrayDeque<>();
    walRows = Collections.emptyIterator();
  }

  private T advance() {
    if (lanes == null) {
      if (stored == null) {
        stored = storedIterable.iterator();
      }
      if (stored.hasNext()) {
        return stored.next();
      }
      closeStored();
      lanes = new ArrayDeque<>(view.lanes(query.signal(), plan));
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
      walRows = walItems.apply(view.segmentRows(query, plan, segments.poll()));
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
    if (next instanceof AutoCloseable held) {
      // A batch fetched by hasNext() but never taken owns memory.
      try {
        held.close();
      } catch (Exception e) {
        throw new IllegalStateException("Cannot release a batch: " + e.getMessage(), e);
      }
    }
    next = null;
    closeStored();
  }
}
