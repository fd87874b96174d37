package io.icegate.lake.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.store.LossyProxy;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.S3ProxyExtension;
import io.icegate.lake.store.StorageSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The WAL on a real S3 server whose answers get lost on the wire: two writers share a lane, one of
 * them behind a proxy that cuts conditional PUTs before or after they reach the server.
 */
class WalS3FaultTest {
  @RegisterExtension static final S3ProxyExtension S3 = new S3ProxyExtension();

  private final SampleRows sample = new SampleRows(11);

  @Test
  void lostRequestsAndAnswersOnS3NeitherLoseNorDuplicateSegments() throws Exception {
    StorageSettings settings = S3.settings();
    try (LossyProxy proxy = new LossyProxy(S3.endpoint());
        ObjectStore lossy = ObjectStores.open(settings.withEndpoint(proxy.uri().toString(), true));
        ObjectStore direct = ObjectStores.open(settings);
        WalWriter behindProxy = writer(lossy);
        WalWriter other = writer(direct)) {
      List<String> acked = new ArrayList<>();
      for (int round = 0; round < 6; round++) {
        if (round % 2 == 0) {
          proxy.dropNextResponse("If-None-Match");
        } else {
          proxy.dropNextRequest("If-None-Match");
        }
        WalBatchRows mine = sample.batch(WalSignal.SPANS, "team-a", 1 + round);
        WalBatchRows theirs = sample.batch(WalSignal.SPANS, "team-b", 2);
        CompletableFuture<Void> first = behindProxy.append(mine, 500);
        CompletableFuture<Void> second = other.append(theirs, 500);
        assertThat(CompletableFuture.allOf(first, second)).succeedsWithin(Duration.ofSeconds(20));
        acked.add(mine.batchId());
        acked.add(theirs.batchId());
      }

      assertThat(proxy.dropped()).isEqualTo(6);
      LaneAudit audit = LaneAudit.of(direct, WalSignal.SPANS).storesEachOnce(acked);
      assertThat(audit.batchCounts()).hasSize(acked.size());
      assertThat(audit.seqsByLane()).containsOnlyKeys("shared");
    }
  }

  private static WalWriter writer(ObjectStore store) {
    WalWriterSettings settings =
        new WalWriterSettings(
            List.of("shared"), 4_000, Duration.ofMillis(20), Duration.ofSeconds(15), 1L << 20);
    return new WalWriter(store, WalSignal.SPANS, settings, lane -> 0, Clock.systemUTC());
  }
}
