package io.icegate.bench.otlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The ingest service as its own JVM (the {@code IngestApplication} main of this classpath) on a
 * local store in a temp folder, so that its CPU time is exactly the server's. The shifter is off:
 * the benchmark measures receiving and the WAL, and the WAL's segments stay to be measured.
 */
final class IngestProcess implements AutoCloseable {
  private final Path folder;
  private final Path log;
  private final Process process;
  private final int httpPort;
  private final int grpcPort;

  private IngestProcess(Path folder, Path log, Process process, int httpPort, int grpcPort) {
    this.folder = folder;
    this.log = log;
    this.process = process;
    this.httpPort = httpPort;
    this.grpcPort = grpcPort;
  }

  static IngestProcess start() throws IOException, InterruptedException {
    Path folder = Files.createTempDirectory("icegate-otlp-bench");
    Path log = Files.createTempFile("icegate-otlp-bench-server", ".log");
    int httpPort = freePort();
    int grpcPort = freePort();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "--add-opens=java.base/java.nio=ALL-UNNAMED",
                    "-Dio.netty.noUnsafe=false",
                    "-Xmx1g",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.icegate.ingest.IngestApplication",
                    "--data-dir",
                    folder.toString(),
                    "--icegate.storage.type=local",
                    "--micronaut.server.port=" + httpPort,
                    "--grpc.server.port=" + grpcPort,
                    "--icegate.shift.enabled=false",
                    // Measure the receivers, not the per-tenant rate limit (64 MiB/s by default).
                    "--icegate.ingest.limits.tenant-rate-bytes-per-second=" + (64L << 30),
                    "--icegate.ingest.limits.tenant-burst-bytes=" + (64L << 30)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    IngestProcess server = new IngestProcess(folder, log, process, httpPort, grpcPort);
    server.awaitListening(Duration.ofSeconds(120));
    return server;
  }

  String httpBase() {
    return "http://127.0.0.1:" + httpPort;
  }

  String grpcTarget() {
    return "127.0.0.1:" + grpcPort;
  }

  /** CPU seconds (user + system, all threads) the server process has used so far. */
  double cpuSeconds() {
    return process
            .info()
            .totalCpuDuration()
            .orElseThrow(() -> new IllegalStateException("No CPU time for the server process"))
            .toNanos()
        / 1e9;
  }

  /** Number of WAL segments of a signal's table stored so far. */
  long walSegments(String table) {
    return segments(table).count();
  }

  /** Bytes of all WAL segments of a signal's table stored so far. */
  long walBytes(String table) {
    return segments(table)
        .mapToLong(
            f -> {
              try {
                return Files.size(f);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .sum();
  }

  private Stream<Path> segments(String table) {
    Path wal = folder.resolve("wal").resolve(table);
    if (!Files.isDirectory(wal)) {
      return Stream.empty();
    }
    try (Stream<Path> files = Files.walk(wal)) {
      return files.filter(f -> f.toString().endsWith(".parquet")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Ingest server exited: " + Files.readString(log));
      }
      if (Files.readString(log, StandardCharsets.UTF_8).contains("listening on port")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("Ingest server did not start in " + timeout + "; see " + log);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Files.deleteIfExists(log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
