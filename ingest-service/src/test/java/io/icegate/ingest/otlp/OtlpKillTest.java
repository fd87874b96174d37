package io.icegate.ingest.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.icegate.ingest.IngestApplication;
import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.wal.WalKeys.SegmentId;
import io.icegate.lake.wal.WalReader;
import io.icegate.lake.wal.WalSegment;
import io.icegate.lake.wal.WalSignal;
import io.icegate.proto.v1.WalBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.iceberg.data.Record;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability end to end: the ingest service runs as its own JVM ({@link IngestApplication}'s main
 * on a local store folder) under a load from retrying OTLP/HTTP clients, and is killed with SIGKILL
 * at a random point of each of four rounds, then started again on the same folder. Every record the
 * server acknowledged is in the WAL afterwards (read with {@link WalReader}).
 *
 * <p>A request whose append completed but whose answer was lost in the kill is sent again by its
 * client and stored twice. That is allowed here: both copies carry the same batch id (same tenant,
 * signal and bytes), which is what the shifter deduplicates by; the test checks exactly that.
 */
class OtlpKillTest {
  private static final String TENANT = "kill-test";
  private static final int ROUNDS = 3;
  private static final int CLIENTS = 3;

  @TempDir Path folder;
  @TempDir Path logs;

  @Test
  void everyAcknowledgedRecordSurvivesKillNineOfTheIngestProcess() throws Exception {
    AtomicReference<String> endpoint = new AtomicReference<>("http://127.0.0.1:1");
    Set<String> acknowledged = RetryingLogClient.newRecordSet();
    AtomicInteger acks = new AtomicInteger();
    List<RetryingLogClient> clients = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      RetryingLogClient client =
          new RetryingLogClient("c" + c, TENANT, endpoint::get, acknowledged, acks);
      clients.add(client);
      Thread thread = new Thread(client, "otlp-client-" + c);
      thread.start();
      threads.add(thread);
    }
    Random random = new Random();
    List<Integer> acksPerRound = new ArrayList<>();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        int httpPort = freePort();
        Process server = start(round, httpPort);
        endpoint.set("http://127.0.0.1:" + httpPort);
        int before = acks.get();
        // Kill at a random point of the load, after at least some acknowledged requests.
        int killAfter = 10 + random.nextInt(60);
        try {
          await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(5))
              .until(() -> acks.get() - before >= killAfter || !server.isAlive());
          assertThat(server.isAlive())
              .as(
                  "ingest alive in round %s; see %s (client: %s)",
                  round, logs, lastFailure(clients))
              .isTrue();
        } finally {
          server.destroyForcibly();
          assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        acksPerRound.add(acks.get() - before);
      }
    } finally {
      clients.forEach(RetryingLogClient::stop);
      for (Thread thread : threads) {
        thread.join(15_000);
      }
    }

    Stored stored = readWal();
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ROUNDS * 10 * 5);
    assertThat(stored.batchIdsByRecord.keySet())
        .as("acknowledged records in the WAL")
        .containsAll(acknowledged);
    // Retried requests may be stored twice, but always under one batch id: the shifter keeps one.
    stored.batchIdsByRecord.forEach(
        (record, batchIds) -> assertThat(batchIds).as("batch ids of %s", record).hasSize(1));
    int retries = clients.stream().mapToInt(RetryingLogClient::retries).sum();
    System.out.printf(
        "OtlpKillTest: %d rounds, acks per round %s, %d records acknowledged, %d rows stored"
            + " (%d duplicate rows from retried requests), %d client retries%n",
        ROUNDS,
        acksPerRound,
        acknowledged.size(),
        stored.rows,
        stored.rows - stored.batchIdsByRecord.size(),
        retries);
  }

  private Process start(int round, int httpPort) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-Xmx384m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "-Dio.netty.noUnsafe=false",
            "-cp",
            System.getProperty("java.class.path"),
            IngestApplication.class.getName(),
            "--data-dir",
            folder.toString(),
            "--icegate.storage.type=local",
            "--micronaut.server.port=" + httpPort,
            "--grpc.server.port=" + freePort())
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve("ingest-" + round + ".log").toFile())
        .start();
  }

  /** Per record id (the client's attribute), the batch ids of the batches holding it. */
  private record Stored(Map<String, Set<String>> batchIdsByRecord, long rows) {}

  private Stored readWal() {
    Map<String, Set<String>> batchIds = new HashMap<>();
    long rows = 0;
    try (LocalObjectStore store = new LocalObjectStore(folder)) {
      WalReader reader = new WalReader(store);
      for (String lane : reader.lanes(WalSignal.LOGS)) {
        for (SegmentId id : reader.segmentsAfter(WalSignal.LOGS, lane, -1)) {
          WalSegment segment = reader.read(id);
          List<Record> segmentRows = segment.rows(WalSignal.LOGS.table().schema());
          for (WalBatch batch : segment.footer().getBatchesList()) {
            int first = Math.toIntExact(batch.getFirstRow());
            for (Record row : segmentRows.subList(first, first + (int) batch.getRowCount())) {
              assertThat(row.getField("tenant_id")).isEqualTo(TENANT);
              String record =
                  ((Map<?, ?>) row.getField("attributes"))
                      .get(RetryingLogClient.RECORD_KEY)
                      .toString();
              batchIds.computeIfAbsent(record, r -> new HashSet<>()).add(batch.getBatchId());
              rows++;
            }
          }
        }
      }
    }
    return new Stored(batchIds, rows);
  }

  private static String lastFailure(List<RetryingLogClient> clients) {
    return clients.stream().map(RetryingLogClient::lastFailure).toList().toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
