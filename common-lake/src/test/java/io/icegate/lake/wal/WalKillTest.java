package io.icegate.lake.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.store.ObjectInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability: a writer process is killed with SIGKILL at random points while appending and started
 * again on the same folder, five times. Every append it acknowledged is in the WAL, no segment is
 * overwritten, each lane's seqs stay contiguous, and each restart continues after the highest seq.
 */
class WalKillTest {
  private static final String LANE = "ingest-0-0";
  private static final int ROUNDS = 5;

  @TempDir Path folder;
  @TempDir Path logs;

  @Test
  void acknowledgedAppendsSurviveKillNineAndRestartsContinueTheLane() throws Exception {
    LocalObjectStore store = new LocalObjectStore(folder);
    WalReader reader = new WalReader(store);
    Set<String> acked = ConcurrentHashMap.newKeySet();
    Map<String, String> segmentsBefore = Map.of();
    Random random = new Random();
    for (int round = 0; round < ROUNDS; round++) {
      long highest = reader.highestSeq(WalSignal.LOGS, LANE).orElse(0);
      Map<String, String> segmentsNow = etags(store);
      assertThat(segmentsNow)
          .as("no segment changed under a restart")
          .containsAllEntriesOf(segmentsBefore);
      segmentsBefore = segmentsNow;

      AtomicLong ready = new AtomicLong(-1);
      AtomicInteger ackedThisRound = new AtomicInteger();
      Process writer = start(round);
      Thread output = readOutput(writer, ready, acked, ackedThisRound);
      int killAfter = 5 + random.nextInt(60);
      try {
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(5))
            .until(() -> ackedThisRound.get() >= killAfter || !writer.isAlive());
        assertThat(writer.isAlive()).as("writer alive; see %s", logs).isTrue();
      } finally {
        writer.destroyForcibly();
        assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
        output.join(5_000);
      }
      assertThat(ready.get())
          .as("round %s starts after the highest seq", round)
          .isEqualTo(highest + 1);
    }

    LaneAudit audit = LaneAudit.of(store, WalSignal.LOGS);
    assertThat(audit.seqsByLane()).containsOnlyKeys(LANE);
    assertThat(acked).hasSizeGreaterThanOrEqualTo(ROUNDS * 5);
    assertThat(audit.batchCounts().keySet()).containsAll(acked);
    assertThat(etags(store)).containsAllEntriesOf(segmentsBefore);
  }

  private Process start(int round) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            AppendingWriterMain.class.getName(),
            folder.toString(),
            LANE,
            Integer.toString(round))
        .redirectError(logs.resolve("writer-" + round + ".log").toFile())
        .start();
  }

  private static Thread readOutput(
      Process process, AtomicLong ready, Set<String> acked, AtomicInteger ackedThisRound) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  if (line.startsWith("ready ")) {
                    ready.set(Long.parseLong(line.substring(6)));
                  } else if (line.startsWith("acked ")) {
                    acked.add(line.substring(6));
                    ackedThisRound.incrementAndGet();
                  }
                }
              } catch (IOException e) {
                // The process was killed mid-line: what was read so far counts.
              }
            },
            "writer-output");
    thread.start();
    return thread;
  }

  /** Segment key to etag (content hash) of every segment now in the lane. */
  private static Map<String, String> etags(LocalObjectStore store) {
    try (Stream<ObjectInfo> objects = store.list(WalKeys.lanePrefix(WalSignal.LOGS, LANE))) {
      return objects.collect(Collectors.toMap(ObjectInfo::key, ObjectInfo::etag));
    }
  }
}
