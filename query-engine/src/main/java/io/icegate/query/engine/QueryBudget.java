package io.icegate.query.engine;

import static java.util.Objects.requireNonNull;

import io.icegate.query.engine.QueryLimitExceededException.Limit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What one query may still spend, and what it has spent: bytes read from storage, rows read from
 * the lake, time. Charged from the scanning threads; checked on every charge, so a query stops
 * within one storage read of crossing a limit.
 */
public final class QueryBudget {
  private final QueryLimits limits;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final AtomicLong bytesScanned = new AtomicLong();
  private final AtomicLong rowsScanned = new AtomicLong();
  private final Set<String> parquetObjectsRead = ConcurrentHashMap.newKeySet();

  public QueryBudget(QueryLimits limits) {
    this(limits, System::nanoTime);
  }

  QueryBudget(QueryLimits limits, LongSupplier nanoClock) {
    this.limits = requireNonNull(limits, "limits is null");
    this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
    this.startNanos = nanoClock.getAsLong();
  }

  public QueryLimits limits() {
    return limits;
  }

  /** Counts bytes read from object storage. */
  public void chargeBytes(long bytes) {
    long total = bytesScanned.addAndGet(bytes);
    if (total > limits.maxBytesScanned()) {
      throw new QueryLimitExceededException(
          Limit.BYTES_SCANNED,
          "Cannot run query: it reads more than " + limits.maxBytesScanned() + " bytes");
    }
    checkDeadline();
  }

  /** Counts rows read from the lake. */
  public void chargeRows(long rows) {
    long total = rowsScanned.addAndGet(rows);
    if (total > limits.maxRowsScanned()) {
      throw new QueryLimitExceededException(
          Limit.ROWS_SCANNED,
          "Cannot run query: it reads more than " + limits.maxRowsScanned() + " rows");
    }
    checkDeadline();
  }

  /**
   * Notes an object the query reads from; Parquet objects (table data files and WAL segments) are
   * remembered by key, so Loki's {@code index/stats} can report them as chunks.
   */
  void noteObjectRead(String key) {
    if (key.endsWith(".parquet")) {
      parquetObjectsRead.add(key);
    }
  }

  /** How many distinct Parquet objects the query has read from. */
  public int parquetObjectsRead() {
    return parquetObjectsRead.size();
  }

  /** Throws once the query has run longer than its timeout. */
  public void checkDeadline() {
    if (elapsedNanos() > limits.timeout().toNanos()) {
      throw timeout();
    }
    if (Thread.currentThread().isInterrupted()) {
      throw timeout();
    }
  }

  public QueryLimitExceededException timeout() {
    return new QueryLimitExceededException(
        Limit.TIMEOUT, "Cannot run query: it took longer than " + limits.timeout());
  }

  public long bytesScanned() {
    return bytesScanned.get();
  }

  public long rowsScanned() {
    return rowsScanned.get();
  }

  public long elapsedNanos() {
    return nanoClock.getAsLong() - startNanos;
  }
}
