package io.icegate.ingest.otlp;

import io.icegate.lake.wal.WalAppender;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;

/**
 * The receivers' {@link WalSink}: the ingest service's WAL. {@link Secondary} so that tests
 * registering their own sink win over it.
 */
@Singleton
@Secondary
final class WalAppenderSink implements WalSink {
  private final WalAppender appender;

  WalAppenderSink(WalAppender appender) {
    this.appender = appender;
  }

  @Override
  public CompletableFuture<Void> append(WalSignal signal, WalBatchRows batch, long inputBytes) {
    return appender.append(signal, batch, inputBytes);
  }
}
