package io.icegate.query.loki.tail;

import static java.util.Objects.requireNonNull;

import io.icegate.lake.tenant.TenantId;
import io.icegate.query.loki.LabelMapping;
import io.icegate.query.loki.LogEntry;
import io.icegate.query.loki.LogSelection;
import io.icegate.query.loki.LokiBadRequestException;
import io.icegate.query.loki.index.IndexScans;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One live tail. Each poll reads the selected lines of the window {@code [max(start, now -
 * lookback), now - delay_for)} from the lake view (Iceberg snapshot plus the WAL beyond it, so a
 * line is visible as soon as its WAL segment is durable) and sends the ones not sent before, in
 * frames of at most {@code limit} lines. The first poll also sends the newest {@code limit} lines
 * since {@code start}.
 */
public final class TailSession {
  /** Times of lines are read up to here when there is no delay: lines stamped in the future. */
  private static final long FAR_FUTURE = 9_000_000_000_000_000_000L;

  private final IndexScans scans;
  private final LabelMapping mapping;
  private final TenantId tenant;
  private final LogSelection selection;
  private final long startNanos;
  private final int limit;
  private final long delayNanos;
  private final long lookbackNanos;
  private final int maxWindowLines;
  private final LongSupplier nowNanos;
  private final Consumer<List<LogEntry>> frames;
  private final TailCursor cursor = new TailCursor();
  private boolean first = true;

  /**
   * @param frames receives the lines to send, oldest first, at most {@code limit} per call (one
   *     Loki tail frame each)
   */
  public TailSession(
      IndexScans scans,
      LabelMapping mapping,
      TenantId tenant,
      LogSelection selection,
      long startNanos,
      int limit,
      long delayNanos,
      TailConfiguration config,
      LongSupplier nowNanos,
      Consumer<List<LogEntry>> frames) {
    this.scans = requireNonNull(scans, "scans is null");
    this.mapping = requireNonNull(mapping, "mapping is null");
    this.tenant = requireNonNull(tenant, "tenant is null");
    this.selection = requireNonNull(selection, "selection is null");
    this.startNanos = startNanos;
    this.limit = limit;
    this.delayNanos = delayNanos;
    this.lookbackNanos = config.lookback().toNanos();
    this.maxWindowLines = config.maxWindowLines();
    this.nowNanos = requireNonNull(nowNanos, "nowNanos is null");
    this.frames = requireNonNull(frames, "frames is null");
  }

  /**
   * Reads the window once and sends what is new.
   *
   * @throws io.icegate.query.loki.LokiBadRequestException when the window holds more than {@code
   *     icegate.loki.tail.max-window-lines} lines
   */
  public void poll() {
    long now = nowNanos.getAsLong();
    long windowLower = Math.max(startNanos, now - lookbackNanos);
    long upper = delayNanos > 0 ? now - delayNanos : FAR_FUTURE;
    long scanLower = first ? startNanos : windowLower;
    cursor.forgetBefore(windowLower);
    List<LogEntry> window = new ArrayList<>();
    PriorityQueue<LogEntry> backlog =
        new PriorityQueue<>(Comparator.comparingLong(LogEntry::timestampNanos));
    boolean initial = first;
    scans.run(
        tenant,
        scan -> {
          selection.forEachEntry(
              scan,
              mapping,
              scanLower,
              upper,
              entry -> {
                if (entry.timestampNanos() >= windowLower) {
                  if (window.size() >= maxWindowLines) {
                    throw new LokiBadRequestException(
                        "tail: more than "
                            + maxWindowLines
                            + " lines in the lookback window; narrow the query or raise"
                            + " icegate.loki.tail.max-window-lines");
                  }
                  window.add(entry);
                }
                if (initial) {
                  backlog.add(entry);
                  if (backlog.size() > limit) {
                    backlog.poll();
                  }
                }
              });
          return null;
        },
        cost -> {});
    List<LogEntry> fresh = cursor.fresh(window);
    if (first) {
      first = false;
      fresh = new ArrayList<>(backlog);
      fresh.sort(Comparator.comparingLong(LogEntry::timestampNanos));
    }
    for (int from = 0; from < fresh.size(); from += limit) {
      frames.accept(List.copyOf(fresh.subList(from, Math.min(fresh.size(), from + limit))));
    }
  }

  int remembered() {
    return cursor.remembered();
  }
}
