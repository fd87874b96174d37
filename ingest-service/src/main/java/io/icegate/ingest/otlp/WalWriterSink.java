package io.icegate.ingest.otlp;

import io.icegate.ingest.wal.WalWriter;
import io.icegate.ingest.wal.WalWriterSettings;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.micronaut.context.annotation.Secondary;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * INTERIM: the receivers' {@link WalSink} until the WAL issue's {@code
 * io.icegate.ingest.wal.WalAppender} bean is merged. At that merge, delete this file and add {@code
 * WalAppenderSink} in its place (do not keep both: this class would open a second set of writers on
 * the same host-named lane):
 *
 * <pre>{@code
 * @Singleton
 * @Secondary
 * final class WalAppenderSink implements WalSink {
 *   private final WalAppender appender;
 *
 *   WalAppenderSink(WalAppender appender) {
 *     this.appender = appender;
 *   }
 *
 *   @Override
 *   public CompletableFuture<Void> append(WalSignal signal, WalBatchRows batch, long inputBytes) {
 *     return appender.append(signal, batch, inputBytes);
 *   }
 * }
 * }</pre>
 *
 * {@link Secondary} so that tests registering their own {@link WalSink} singleton (a switchable
 * sink over real writers) win over it.
 *
 * <p>Meanwhile: one {@link WalWriter} per signal over the context's {@link ObjectStore}, opened on
 * first use, one lane named after the host, default WAL settings, committed offsets not consulted
 * (no shifter on this branch).
 */
@Singleton
@Secondary
final class WalWriterSink implements WalSink {
  private final ObjectStore store;
  private final String lane;
  private final Map<WalSignal, WalWriter> writers = new EnumMap<>(WalSignal.class);

  WalWriterSink(ObjectStore store) {
    this.store = store;
    this.lane = hostLane();
  }

  @Override
  public CompletableFuture<Void> append(WalSignal signal, WalBatchRows batch, long inputBytes) {
    return writer(signal).append(batch, inputBytes);
  }

  private synchronized WalWriter writer(WalSignal signal) {
    return writers.computeIfAbsent(
        signal,
        s ->
            new WalWriter(
                store, s, WalWriterSettings.defaults(List.of(lane)), l -> 0, Clock.systemUTC()));
  }

  @PreDestroy
  synchronized void close() {
    writers.values().forEach(WalWriter::close);
    writers.clear();
  }

  private static String hostLane() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "ingest";
    }
    String lane = host.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
    lane = lane.replaceAll("^[^a-z0-9]+", "");
    if (lane.isEmpty()) {
      lane = "ingest";
    }
    return (lane.length() > 60 ? lane.substring(0, 60) : lane) + "-0";
  }
}
