package io.icegate.lake.store;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs S3Proxy 4.1.0 (filesystem backend, no authorization) as its own process for one test class,
 * with one bucket. Use as {@code @RegisterExtension static S3ProxyExtension S3 = new
 * S3ProxyExtension();}.
 *
 * <p>The jar comes from the system property {@code icegate.s3proxy.jar} (set by surefire), else
 * from the local Maven repository. S3Proxy's output goes to {@code target/s3proxy-PORT.log}.
 */
public final class S3ProxyExtension implements BeforeAllCallback, AfterAllCallback {
  private static final String JAR_PROPERTY = "icegate.s3proxy.jar";
  private static final Path REPOSITORY_JAR =
      Path.of(
          System.getProperty("user.home"),
          ".m2/repository/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final String bucket;
  private Process process;
  private Path folder;
  private URI endpoint;

  public S3ProxyExtension() {
    this("icegate-test");
  }

  public S3ProxyExtension(String bucket) {
    this.bucket = bucket;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    stop();
  }

  /** Starts S3Proxy and creates the bucket; {@link #beforeAll} calls it. */
  public void start() throws IOException {
    if (process != null) {
      return;
    }
    int port = freePort();
    folder = Files.createTempDirectory("icegate-s3proxy-");
    Path blobs = Files.createDirectories(folder.resolve("blobs"));
    Path properties = folder.resolve("s3proxy.properties");
    endpoint = URI.create("http://127.0.0.1:" + port);
    Files.writeString(
        properties,
        String.join(
            "\n",
            "s3proxy.endpoint=" + endpoint,
            "s3proxy.authorization=none",
            "jclouds.provider=filesystem",
            "jclouds.filesystem.basedir=" + blobs,
            ""),
        UTF_8);
    Path log = Path.of("target", "s3proxy-" + port + ".log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx512m",
                "-jar",
                jar().toString(),
                "--properties",
                properties.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      Awaitility.await("S3Proxy on " + endpoint + " (log: " + log + ")")
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !process.isAlive() || answers(endpoint));
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "S3Proxy exited with " + process.exitValue() + " at start; see " + log);
      }
      request("PUT", endpoint.resolve("/" + bucket), 200);
    } catch (RuntimeException | IOException e) {
      stop();
      throw e;
    }
  }

  /** Stops S3Proxy, waits for it to exit and removes its files; {@link #afterAll} calls it. */
  public void stop() throws IOException {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
    if (folder != null) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.sorted(Comparator.reverseOrder()).forEach(S3ProxyExtension::delete);
      }
      folder = null;
    }
  }

  public URI endpoint() {
    return endpoint;
  }

  public String bucket() {
    return bucket;
  }

  /** Settings for a store in the bucket under a fresh random prefix, with 5 MiB parts. */
  public StorageSettings settings() {
    return StorageSettings.s3(bucket)
        .withEndpoint(endpoint.toString(), true)
        .withCredentials("access", "secret")
        .withPrefix("t-" + UUID.randomUUID() + "/")
        .withMultipartThreshold(StorageSettings.MIN_MULTIPART_THRESHOLD);
  }

  /** A new store under a fresh random prefix; close it after use. */
  public S3ObjectStore newStore() {
    return (S3ObjectStore) ObjectStores.open(settings());
  }

  private static Path jar() {
    String configured = System.getProperty(JAR_PROPERTY);
    if (configured != null && Files.isRegularFile(Path.of(configured))) {
      return Path.of(configured);
    }
    if (Files.isRegularFile(REPOSITORY_JAR)) {
      return REPOSITORY_JAR;
    }
    throw new IllegalStateException(
        "No S3Proxy jar: set -D" + JAR_PROPERTY + " or fetch " + REPOSITORY_JAR);
  }

  private static boolean answers(URI endpoint) {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) endpoint.resolve("/").toURL().openConnection();
      connection.setConnectTimeout(500);
      connection.setReadTimeout(2000);
      try {
        return connection.getResponseCode() > 0;
      } finally {
        connection.disconnect();
      }
    } catch (IOException e) {
      return false;
    }
  }

  private static void request(String method, URI uri, int expected) throws IOException {
    HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
    connection.setRequestMethod(method);
    connection.setConnectTimeout(2000);
    connection.setReadTimeout(10_000);
    try {
      int status = connection.getResponseCode();
      if (status != expected) {
        throw new IllegalStateException(
            "S3Proxy answered " + status + " to " + method + " " + uri + ", expected " + expected);
      }
    } finally {
      connection.disconnect();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void delete(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
