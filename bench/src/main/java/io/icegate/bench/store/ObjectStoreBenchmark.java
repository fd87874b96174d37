package io.icegate.bench.store;

import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.S3ProxyExtension;
import io.icegate.lake.store.StorageSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

/**
 * Our object store layer against the same calls made directly: raw {@code java.nio.file} on a
 * folder and the raw AWS SDK against S3Proxy. The ratio ours/raw is the layer's overhead (key
 * checks, durability and conflict resolution in putIfAbsent, lazy listing).
 *
 * <p>The raw local putIfAbsent is {@code CREATE_NEW} + {@code force}: durable, but a crash can
 * leave a partial file visible, which our temp-file-and-link protocol rules out.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx1g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class ObjectStoreBenchmark {
  private static final int LISTED_KEYS = 100;

  @Param({"local", "s3proxy"})
  public String backend;

  private final AtomicLong counter = new AtomicLong();
  private final byte[] payload = new byte[4096];
  private Path folder;
  private S3ProxyExtension s3proxy;
  private S3Client raw;
  private String bucket;
  private String prefix;
  private ObjectStore ours;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    if (backend.equals("local")) {
      folder = Files.createTempDirectory("icegate-bench");
      ours = new LocalObjectStore(folder);
      prefix = "";
    } else {
      s3proxy = new S3ProxyExtension();
      s3proxy.start();
      StorageSettings settings = s3proxy.settings();
      ours = ObjectStores.open(settings);
      bucket = s3proxy.bucket();
      prefix = settings.prefix();
      raw = rawClient(s3proxy.endpoint());
    }
    ours.put("get/object", payload);
    for (int i = 0; i < LISTED_KEYS; i++) {
      ours.put(String.format("list/%05d", i), payload);
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    ours.close();
    if (raw != null) {
      raw.close();
    }
    if (s3proxy != null) {
      s3proxy.stop();
    }
  }

  @Benchmark
  public boolean putIfAbsentOurs() {
    return ours.putIfAbsent("put/ours-" + counter.incrementAndGet(), payload);
  }

  @Benchmark
  public Object putIfAbsentRaw() throws IOException {
    String key = "put/raw-" + counter.incrementAndGet();
    if (raw == null) {
      Path file = folder.resolve(key);
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(payload));
        channel.force(true);
      }
      return file;
    }
    return raw.putObject(
        b -> b.bucket(bucket).key(prefix + key).ifNoneMatch("*"), RequestBody.fromBytes(payload));
  }

  @Benchmark
  public byte[] getOurs() {
    return ours.get("get/object");
  }

  @Benchmark
  public byte[] getRaw() throws IOException {
    if (raw == null) {
      return Files.readAllBytes(folder.resolve("get/object"));
    }
    return raw.getObjectAsBytes(b -> b.bucket(bucket).key(prefix + "get/object")).asByteArray();
  }

  @Benchmark
  public long listOurs() {
    try (Stream<?> listed = ours.list("list/", Optional.empty())) {
      return listed.count();
    }
  }

  @Benchmark
  public long listRaw() throws IOException {
    if (raw == null) {
      try (Stream<Path> listed = Files.list(folder.resolve("list"))) {
        return listed.sorted().count();
      }
    }
    ListObjectsV2Response page = raw.listObjectsV2(b -> b.bucket(bucket).prefix(prefix + "list/"));
    return List.copyOf(page.contents()).size();
  }

  private static S3Client rawClient(URI endpoint) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret")))
        .build();
  }
}
