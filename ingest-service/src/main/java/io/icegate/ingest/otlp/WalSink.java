package io.icegate.ingest.otlp;

import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import java.util.concurrent.CompletableFuture;

/**
 * Where the receivers hand a request's rows: the WAL. The receivers acknowledge a request only when
 * every future they got for it has completed.
 */
@FunctionalInterface
public interface WalSink {
  /**
   * Appends one batch (one request's rows of one signal).
   *
   * @param inputBytes the request's decoded size, for flush sizing and the in-flight bound
   * @return completes when the rows are durable; fails with {@link
   *     io.icegate.lake.wal.WalAppendException} (retryable) on backpressure or when the ack
   *     deadline passes
   */
  CompletableFuture<Void> append(WalSignal signal, WalBatchRows batch, long inputBytes);
}
