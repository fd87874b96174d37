package io.icegate.lake.catalog;

import static io.icegate.lake.catalog.CatalogFixtures.dataFiles;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.S3ProxyExtension;
import io.icegate.lake.store.StorageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three writer processes ({@link CatalogWriterMain}) and 16 threads of this JVM, each with its own
 * catalog instance, append to one shared table and to a table of their own on S3Proxy for {@value
 * #DURATION_PROPERTY} seconds (15 in the default build, 60 with {@code -Pinterop}).
 */
class S3ProxyMultiProcessCommitTest {
  static final String DURATION_PROPERTY = "icegate.test.commit-race.seconds";
  private static final int PROCESSES = 3;
  private static final int PROCESS_THREADS = 2;
  private static final int THREADS = 16;

  @RegisterExtension static S3ProxyExtension S3 = new S3ProxyExtension();

  @Test
  void processesAndThreadsLoseAndDuplicateNoAcknowledgedAppend() throws Exception {
    long seconds = Long.getLong(DURATION_PROPERTY, 15);
    StorageSettings settings = S3.settings();
    try (ObjectStore store = ObjectStores.open(settings)) {
      AppendWorkload.setUp(CatalogWriterMain.catalog(store, settings));
      List<Process> processes = new ArrayList<>();
      List<Path> outputs = new ArrayList<>();
      for (int p = 0; p < PROCESSES; p++) {
        Path output = Files.createTempFile("icegate-writer-p" + p + "-", ".txt");
        outputs.add(output);
        processes.add(spawn(settings, "p" + p, seconds, output));
      }
      try {
        for (Path output : outputs) {
          Awaitility.await("writer ready: " + output)
              .atMost(Duration.ofSeconds(120))
              .pollInterval(Duration.ofMillis(200))
              .until(() -> Files.readString(output, UTF_8).startsWith("ready"));
        }
        long started = System.nanoTime();
        for (Process process : processes) {
          process.getOutputStream().write('\n');
          process.getOutputStream().flush();
        }
        Queue<String> outcomes = new ConcurrentLinkedQueue<>();
        runThreads(store, settings, seconds, outcomes);
        for (int p = 0; p < PROCESSES; p++) {
          assertThat(processes.get(p).waitFor(seconds + 300, TimeUnit.SECONDS)).isTrue();
          assertThat(processes.get(p).exitValue()).as("exit code of writer p" + p).isZero();
          List<String> lines = Files.readAllLines(outputs.get(p), UTF_8);
          outcomes.addAll(lines.subList(1, lines.size()));
        }
        System.out.printf(
            "%d outcomes in %d s: %s%n",
            outcomes.size(),
            TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
            outcomes.stream()
                .collect(
                    Collectors.groupingBy(
                        line ->
                            line.substring(0, line.indexOf(' '))
                                + (line.contains(".shared ") ? " shared" : " own"),
                        Collectors.counting())));

        verify(CatalogWriterMain.catalog(store, settings), List.copyOf(outcomes));
      } finally {
        processes.forEach(Process::destroyForcibly);
        for (Path output : outputs) {
          Files.deleteIfExists(output);
        }
      }
      CatalogInvariants.assertContiguousChain(store);
    }
  }

  private static void verify(ObjectStoreCatalog reader, List<String> outcomes) {
    Map<String, Map<String, Set<String>>> byTable = new HashMap<>();
    for (String line : outcomes) {
      String[] parts = line.split(" ");
      byTable
          .computeIfAbsent(parts[1], t -> new HashMap<>())
          .computeIfAbsent(parts[0], o -> new java.util.HashSet<>())
          .add(parts[2]);
    }
    String sharedName = reader.name() + "." + AppendWorkload.SHARED;
    assertThat(byTable).containsKey(sharedName).hasSize(1 + PROCESSES * PROCESS_THREADS + THREADS);
    byTable.forEach(
        (name, results) -> {
          Table table =
              reader.loadTable(TableIdentifier.parse(name.substring(name.indexOf('.') + 1)));
          List<String> present = dataFiles(table);
          Set<String> acked = results.getOrDefault("acked", Set.of());
          assertThat(acked).as("acknowledged appends to " + name).isNotEmpty();
          assertThat(present).as(name).doesNotHaveDuplicates().containsAll(acked);
          assertThat(Set.copyOf(present))
              .as("files in " + name + " that no writer tried")
              .isSubsetOf(
                  results.values().stream().flatMap(Set::stream).collect(Collectors.toSet()));
          for (String failed : results.getOrDefault("failed", Set.of())) {
            assertThat(present).as("failed append to " + name).doesNotContain(failed);
          }
          assertThat(table.snapshots()).hasSize(present.size());
          if (!name.equals(sharedName)) {
            assertThat(results.keySet()).as("outcomes on " + name).containsOnly("acked");
          }
          CatalogInvariants.assertValidHistory(table);
        });
  }

  private static void runThreads(
      ObjectStore store, StorageSettings settings, long seconds, Queue<String> outcomes)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        String writer = "t" + t;
        writers.add(
            pool.submit(
                () ->
                    AppendWorkload.run(
                        () -> CatalogWriterMain.catalog(store, settings),
                        writer,
                        deadline,
                        outcomes::add)));
      }
      for (Future<?> writer : writers) {
        writer.get(seconds + 300, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Process spawn(StorageSettings settings, String name, long seconds, Path output)
      throws java.io.IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = Path.of("target", "catalog-writer-" + name + ".log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    return new ProcessBuilder(
            java.toString(),
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-cp",
            System.getProperty("java.class.path"),
            CatalogWriterMain.class.getName(),
            settings.endpoint().orElseThrow(),
            settings.bucket().orElseThrow(),
            settings.prefix(),
            name,
            Integer.toString(PROCESS_THREADS),
            Long.toString(seconds),
            output.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }
}
