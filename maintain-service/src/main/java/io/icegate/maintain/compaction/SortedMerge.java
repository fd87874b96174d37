package io.icegate.maintain.compaction;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Merges runs that are each sorted into one sorted stream (a k-way merge on a heap), so a group of
 * small files sorted in the table's order becomes one sorted sequence holding one row per file in
 * memory at a time. Ties keep the order of the runs, then of the rows within a run.
 */
final class SortedMerge implements Iterator<Record>, Closeable {
  private record Head(Record row, int run, Iterator<Record> rest) {}

  private final List<CloseableIterable<Record>> runs;
  private final PriorityQueue<Head> heads;

  SortedMerge(List<CloseableIterable<Record>> runs, Comparator<Record> order) {
    this.runs = new ArrayList<>(runs);
    Comparator<Head> byRow = (a, b) -> order.compare(a.row(), b.row());
    this.heads = new PriorityQueue<>(byRow.thenComparingInt(Head::run));
    for (int i = 0; i < runs.size(); i++) {
      Iterator<Record> rows = runs.get(i).iterator();
      if (rows.hasNext()) {
        heads.add(new Head(rows.next(), i, rows));
      }
    }
  }

  @Override
  public boolean hasNext() {
    return !heads.isEmpty();
  }

  @Override
  public Record next() {
    Head head = heads.poll();
    if (head == null) {
      throw new NoSuchElementException();
    }
    if (head.rest().hasNext()) {
      heads.add(new Head(head.rest().next(), head.run(), head.rest()));
    }
    return head.row();
  }

  @Override
  public void close() {
    IOException failure = null;
    for (CloseableIterable<Record> run : runs) {
      try {
        run.close();
      } catch (IOException e) {
        failure = e;
      }
    }
    if (failure != null) {
      throw new UncheckedIOException("Cannot close a compaction input", failure);
    }
  }
}
