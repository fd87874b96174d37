package io.icegate.ingest.shift;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.icegate.lake.catalog.ObjectStoreCatalog;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.S3ProxyExtension;
import io.icegate.lake.store.StorageSettings;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two shifter processes ({@link ShifterProcessMain}, no lease) shift the same logs WAL at once
 * while this JVM appends to two lanes and commits compactions ({@link RewriteCompaction}) on the
 * same table. Afterwards the table holds every appended row exactly once, and no snapshot in its
 * history moved a lane's offset backwards. Runs on a local folder, and on S3Proxy with {@code
 * -Pinterop}.
 */
class ShifterRaceProcessTest {
  private static final int BATCHES = 160;
  private static final int MIN_COMPACTIONS = 3;

  @RegisterExtension static S3ProxyExtension S3 = new S3ProxyExtension();

  @TempDir Path folder;
  @TempDir Path outputs;

  @Test
  void shiftersInTwoProcessesAndACompactionStoreEachRowOnceOnALocalStore() throws Exception {
    race(StorageSettings.local(folder));
  }

  @Test
  @Tag("interop") // about a minute on 2 cores: S3Proxy answers every request in milliseconds
  void shiftersInTwoProcessesAndACompactionStoreEachRowOnceOnS3() throws Exception {
    race(S3.settings().withPrefix("race-" + System.nanoTime()));
  }

  private void race(StorageSettings settings) throws Exception {
    try (ObjectStore store = ObjectStores.open(settings)) {
      ObjectStoreCatalog catalog = ShiftFixtures.catalog(store, settings.rootLocation());
      List<Process> shifters = new ArrayList<>();
      List<Path> outputFiles = new ArrayList<>();
      for (int p = 0; p < 2; p++) {
        Path output = outputs.resolve("shifter-" + p + ".txt");
        outputFiles.add(output);
        shifters.add(
            ShifterProcessMain.start(
                "race", settings, output, Path.of("target", "shifter-race-" + p + ".log")));
      }
      try {
        for (Path output : outputFiles) {
          await("shifter ready")
              .atMost(Duration.ofSeconds(120))
              .until(() -> Files.readString(output, UTF_8).startsWith("ready"));
        }
        List<String> sent = runWorkload(store, catalog);

        for (Process shifter : shifters) {
          shifter.getOutputStream().write('\n');
          shifter.getOutputStream().flush();
        }
        for (int p = 0; p < 2; p++) {
          assertThat(shifters.get(p).waitFor(120, TimeUnit.SECONDS)).isTrue();
          assertThat(shifters.get(p).exitValue()).as("exit code of shifter " + p).isZero();
        }
        List<String> lines = new ArrayList<>();
        for (Path output : outputFiles) {
          lines.addAll(Files.readAllLines(output, UTF_8));
        }
        Table table = ShiftFixtures.logs(catalog);
        ShiftFixtures.drain(shifter(store, catalog));
        System.out.printf(
            "%s: %d shifter commits, %d overtaken, operations %s%n",
            settings.type(),
            lines.stream().filter(l -> l.startsWith("committed")).count(),
            lines.stream().filter(l -> l.equals("overtaken")).count(),
            ShiftFixtures.operations(table));

        // Which process wins each race is up to the scheduler; that someone shifted while the
        // compactions committed is not.
        assertThat(lines).as("shifter process output").anyMatch(l -> l.startsWith("committed"));
        assertThat(ShiftFixtures.operations(table)).contains("replace");
        assertThat(ShiftFixtures.rows(table)).containsExactlyInAnyOrderElementsOf(sent);
        ShiftFixtures.assertOffsetsNeverGoBack(table);
      } finally {
        shifters.forEach(Process::destroyForcibly);
      }
    }
  }

  /**
   * Appends {@value #BATCHES} batches to two lanes while compacting, until both the appends are
   * done and {@value #MIN_COMPACTIONS} compactions committed; returns the rows sent.
   */
  private static List<String> runWorkload(ObjectStore store, ObjectStoreCatalog catalog)
      throws Exception {
    WalWriterSettings walSettings =
        new WalWriterSettings(
            List.of("lane-a", "lane-b"), 1 << 20, Duration.ZERO, Duration.ofSeconds(60), 64L << 20);
    List<String> sent = new ArrayList<>();
    AtomicBoolean appending = new AtomicBoolean(true);
    AtomicInteger compactions = new AtomicInteger();
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    Thread compactor =
        new Thread(
            () -> {
              RewriteCompaction compaction = new RewriteCompaction(ShiftFixtures.logs(catalog));
              try {
                while (appending.get() || compactions.get() < MIN_COMPACTIONS) {
                  if (compaction.compactOnce()) {
                    compactions.incrementAndGet();
                  } else {
                    Thread.sleep(20); // nothing to compact yet: give the shifters the CPU
                  }
                }
              } catch (RuntimeException e) {
                errors.add(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "compactor");
    compactor.start();
    try (WalWriter wal =
        new WalWriter(store, WalSignal.LOGS, walSettings, l -> 0, Clock.systemUTC())) {
      List<CompletableFuture<Void>> acks = new ArrayList<>();
      for (int n = 0; n < BATCHES; n++) {
        WalBatchRows batch = ShiftFixtures.batch(1, n);
        acks.add(wal.append(batch, 100));
        sent.addAll(ShiftFixtures.canonical(batch));
        if (n % 8 == 7) {
          CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
          acks.clear();
        }
      }
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
    } finally {
      appending.set(false);
    }
    compactor.join(TimeUnit.MINUTES.toMillis(3));
    assertThat(errors).isEmpty();
    assertThat(compactions.get()).isGreaterThanOrEqualTo(MIN_COMPACTIONS);
    return sent;
  }

  private static Shifter shifter(ObjectStore store, ObjectStoreCatalog catalog) {
    return new Shifter(
        ShiftFixtures.logs(catalog), store, WalSignal.LOGS, ShiftSettings.defaults());
  }
}
