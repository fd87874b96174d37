package io.icegate.lake.wal;

import java.util.concurrent.CompletableFuture;

/** An append waiting for its segment to become durable. */
record PendingAppend(
    WalBatchRows batch, long inputBytes, long enqueuedNanos, CompletableFuture<Void> done) {}
