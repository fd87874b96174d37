package io.icegate.ingest.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.icegate.ingest.IngestApplication;
import io.icegate.lake.runtime.StartupFailure;
import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.wal.LaneAudit;
import io.icegate.lake.wal.SampleRows;
import io.icegate.lake.wal.WalAppendException;
import io.icegate.lake.wal.WalAppender;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriterSettings;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@link WalAppender} bean of the ingest context: configuration, storage and shutdown. */
class WalAppenderTest {
  @TempDir Path dataDir;

  private final SampleRows sample = new SampleRows(17);

  @Test
  void appendsReachTheContextsStorageAndShutdownDrainsThem() {
    Map<String, Object> settings = settings();
    settings.put("icegate.wal.lanes", List.of("lane-x", "lane-y"));
    settings.put("icegate.wal.flush-interval", "50ms");
    settings.put("icegate.wal.flush-bytes", "1MB");
    WalAppender appender;
    CompletableFuture<Void> pendingAtShutdown;
    WalBatchRows last = sample.batch(WalSignal.METRICS, "team-b", 2);
    try (ApplicationContext context = IngestApplication.start(settings)) {
      assertThat(context.getBean(WalConfiguration.class).flushBytes()).isEqualTo(1L << 20);
      appender = context.getBean(WalAppender.class);
      assertThat(appender.nextSeqs(WalSignal.SPANS)).containsOnlyKeys("lane-x", "lane-y");

      WalBatchRows spans = sample.batch(WalSignal.SPANS, "team-a", 3);
      assertThat(appender.append(WalSignal.SPANS, spans, 1_000))
          .succeedsWithin(Duration.ofSeconds(10));
      LaneAudit.of(new LocalObjectStore(dataDir), WalSignal.SPANS)
          .storesEachOnce(List.of(spans.batchId()));
      pendingAtShutdown = appender.append(WalSignal.METRICS, last, 1_000);
    }

    // Closing the context wrote what was pending, then stopped the writers.
    assertThat(pendingAtShutdown).succeedsWithin(Duration.ofSeconds(1));
    LaneAudit.of(new LocalObjectStore(dataDir), WalSignal.METRICS)
        .storesEachOnce(List.of(last.batchId()));
    assertThat(appender.append(WalSignal.LOGS, sample.batch(WalSignal.LOGS, "t", 1), 10))
        .failsWithin(Duration.ofSeconds(1))
        .withThrowableThat()
        .withCauseInstanceOf(WalAppendException.class)
        .withMessageContaining("Cannot append: the WAL writer is shutting down");
  }

  @Test
  void lanesDefaultToTheHostNameAndLaneCount() {
    Map<String, Object> settings = settings();
    settings.put("icegate.wal.lane-count", 3);
    String base = WalConfiguration.laneBase(WalConfiguration.localHostName());
    try (ApplicationContext context = IngestApplication.start(settings)) {
      assertThat(context.getBean(WalAppender.class).nextSeqs(WalSignal.LOGS))
          .containsOnlyKeys(base + "-0", base + "-1", base + "-2");
    }
    assertThat(new WalConfiguration(null, null, null, null, null, null).toSettings("pod-7"))
        .isEqualTo(WalWriterSettings.defaults(List.of("pod-7-0")));
    assertThat(WalConfiguration.laneBase("Ingest_0.example.com")).isEqualTo("ingest_0.example.com");
    assertThat(WalConfiguration.laneBase("-weird host/ñame")).isEqualTo("weird-host--ame");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "icegate.wal.lane-count|0|icegate.wal.lane-count: must be between 1 and 64, got 0",
        "icegate.wal.lanes|a/b|icegate.wal.lanes: Invalid WAL lane 'a/b': expected 1-64 characters",
        "icegate.wal.ack-deadline|0s|icegate.wal.ack-deadline: must be positive",
        "icegate.wal.max-in-flight-bytes|1KB|icegate.wal.max-in-flight-bytes: must be at least"
      })
  void invalidWalSettingStopsTheServiceWithOneLine(String key, String value, String expected) {
    Map<String, Object> settings = settings();
    settings.put(key, value);

    assertThatThrownBy(() -> IngestApplication.start(settings).close())
        .satisfies(
            failure ->
                assertThat(StartupFailure.describe(failure))
                    .startsWith(expected)
                    .doesNotContain("\n"));
  }

  private Map<String, Object> settings() {
    Map<String, Object> settings = new HashMap<>();
    settings.put("micronaut.server.port", -1);
    settings.put("icegate.storage.root", dataDir.toString());
    return settings;
  }
}
