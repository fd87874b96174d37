package io.icegate.ingest.wal;

import io.icegate.ingest.lake.IngestTables;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.wal.WalAppender;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import java.time.Clock;
import java.util.Map;

/**
 * The ingest service's {@link WalAppender}, from the {@code icegate.wal.*} keys; the writer itself
 * is a plain class of the lake library, so other services can own lanes too.
 *
 * <p>Created at context start, so lane listing and the first Parquet encode happen before the first
 * request, and a bad {@code icegate.wal.*} setting stops the service with one line. Closing the
 * context writes what is pending, then stops the writers.
 */
@Factory
final class WalAppenderFactory {

  /**
   * Lanes continue after max(highest listed seq, committed offset in the table), so a seq that was
   * shifted and whose segment was cleaned up is never reused.
   */
  @Context
  @Bean(preDestroy = "close")
  WalAppender walAppender(ObjectStore store, WalConfiguration configuration, IngestTables tables) {
    return new WalAppender(
        store,
        configuration.toSettings(WalConfiguration.localHostName()),
        signal -> {
          Map<String, Long> committed = tables.committedOffsets(signal);
          return lane -> committed.getOrDefault(lane, 0L);
        },
        Clock.systemUTC());
  }
}
