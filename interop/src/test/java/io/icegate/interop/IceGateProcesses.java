package io.icegate.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * IceGate beside Spark as separate processes from the services' fat jars (system properties {@code
 * icegate.catalog.jar}, {@code icegate.ingest.jar}, set by the POM): catalog-service,
 * ingest-service, and {@link IceGateLakeTool} on catalog-service's jar. Output goes to {@code
 * target/icegate-*.log}.
 */
final class IceGateProcesses implements AutoCloseable {
  private static final String FLAGS = "--add-opens=java.base/java.nio=ALL-UNNAMED";

  private final String bucket;
  private final String prefix;
  private final String endpoint;
  private final List<Process> processes = new ArrayList<>();

  /**
   * IceGate on the lake in {@code bucket} under {@code prefix} of the S3 server {@code endpoint}.
   */
  IceGateProcesses(String bucket, String prefix, String endpoint) {
    this.bucket = bucket;
    this.prefix = prefix;
    this.endpoint = endpoint;
  }

  private static Path jar(String property) {
    Path jar = Path.of(System.getProperty(property, "missing"));
    assertThat(jar)
        .as(property + ": a fat jar (build with -Pinterop -pl interop -am)")
        .isRegularFile();
    return jar;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Starts catalog-service on the lake and waits until it is ready; returns its base URI. */
  URI startCatalog() throws IOException {
    return start("icegate.catalog.jar", "catalog", List.of());
  }

  /**
   * Starts ingest-service on the lake (OTLP/HTTP on the returned URI, gRPC on a free port, the
   * shifter every second) and waits until it is ready.
   */
  URI startIngest() throws IOException {
    return start(
        "icegate.ingest.jar",
        "ingest",
        List.of(
            "-Dgrpc.server.port=" + freePort(),
            "-Dicegate.wal.lanes=interop-0",
            "-Dicegate.shift.interval=1s"));
  }

  private URI start(String jarProperty, String name, List<String> flags) throws IOException {
    int port = freePort();
    Path log = Path.of("target", "icegate-" + name + "-" + port + ".log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            java(),
            FLAGS,
            "-Xmx512m",
            "-Dmicronaut.server.port=" + port,
            "-Dmicronaut.server.host=127.0.0.1",
            "-Dicegate.storage.type=s3",
            "-Dicegate.storage.bucket=" + bucket,
            "-Dicegate.storage.prefix=" + prefix,
            "-Dicegate.storage.endpoint=" + endpoint,
            "-Dicegate.storage.path-style=true",
            "-Dicegate.storage.access-key=access",
            "-Dicegate.storage.secret-key=secret"));
    command.addAll(flags);
    command.addAll(List.of("-jar", jar(jarProperty).toString()));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    processes.add(process);
    URI uri = URI.create("http://127.0.0.1:" + port);
    Awaitility.await(name + " on " + uri + " (log: " + log + ")")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !process.isAlive() || ready(uri));
    assertThat(process.isAlive()).as(name + " running; see " + log).isTrue();
    return uri;
  }

  /**
   * Runs {@link IceGateLakeTool} with {@code args}; returns the rows it printed ("id|name" lines;
   * log lines on the same output are left out).
   */
  List<String> tool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.add(FLAGS);
    command.add("-Xmx512m");
    command.addAll(List.of("-Dbucket=" + bucket, "-Dprefix=" + prefix, "-Dendpoint=" + endpoint));
    command.add("-cp");
    command.add(
        jar("icegate.catalog.jar")
            + java.io.File.pathSeparator
            + Path.of(
                IceGateLakeTool.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .getPath()));
    command.add(IceGateLakeTool.class.getName());
    command.addAll(List.of(args));
    Path log = Files.createTempFile(Path.of("target"), "icegate-tool-", ".log");
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    String out = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue())
        .as("IceGateLakeTool %s; stderr: %s", List.of(args), Files.readString(log))
        .isZero();
    return out.lines().filter(line -> line.matches("-?\\d+\\|.*")).toList();
  }

  @Override
  public void close() {
    for (Process process : processes) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static boolean ready(URI base) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) base.resolve("/health/readiness").toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(2000);
      try {
        return connection.getResponseCode() == 200;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
