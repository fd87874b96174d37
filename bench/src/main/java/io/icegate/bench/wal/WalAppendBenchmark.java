package io.icegate.bench.wal;

import io.icegate.bench.wal.LoghubRows.Request;
import io.icegate.lake.store.LocalObjectStore;
import io.icegate.lake.store.MeteredObjectStore;
import io.icegate.lake.store.ObjectStore;
import io.icegate.lake.store.ObjectStores;
import io.icegate.lake.store.S3ProxyExtension;
import io.icegate.lake.wal.WalBatchRows;
import io.icegate.lake.wal.WalSegmentEncoder;
import io.icegate.lake.wal.WalSignal;
import io.icegate.lake.wal.WalWriter;
import io.icegate.lake.wal.WalWriterSettings;
import io.icegate.proto.v1.WalSegmentFooter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * WAL append on the local store and on S3Proxy, with 1 and 4 lanes, default group commit (16 MiB,
 * 200 ms): {@link #pipelined} keeps {@value #WINDOW_PER_LANE} requests of {@value #ROWS} realistic
 * log rows per lane in flight (a saturated receiver; ~18 MB of input, so segments flush by size)
 * and counts acknowledged rows, input bytes, PUTs and stored bytes per second; {@link #latency} has
 * 4 clients each waiting for its own acknowledgement (p50/p99). {@link #encodeOnly} is the limit:
 * the same rows encoded to one 16 MiB-input segment in memory, no storage.
 */
@Fork(
    value = 1,
    jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx1g"})
@Warmup(iterations = 1, time = 3)
@Measurement(iterations = 2, time = 4)
public class WalAppendBenchmark {
  static final int ROWS = 1_000;
  static final int WINDOW_PER_LANE = 64;
  static final Duration ACK_DEADLINE = Duration.ofSeconds(30);

  /** A WAL writer over a store, and pre-built requests whose rows are reused under fresh ids. */
  @State(Scope.Benchmark)
  public static class Wal {
    @Param({"local", "s3proxy"})
    public String backend;

    @Param({"1", "4"})
    public int lanes;

    final AtomicLong ids = new AtomicLong();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    List<Request> requests;
    WalWriter writer;
    private Path folder;
    private S3ProxyExtension s3proxy;
    private ObjectStore store;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
      LoghubRows source = new LoghubRows();
      requests = IntStream.range(0, 64).mapToObj(i -> source.request(ROWS)).toList();
      ObjectStore bare;
      if (backend.equals("local")) {
        folder = Files.createTempDirectory("icegate-wal-bench");
        bare = new LocalObjectStore(folder);
      } else {
        s3proxy = new S3ProxyExtension();
        s3proxy.start();
        bare = ObjectStores.open(s3proxy.settings());
      }
      store = new MeteredObjectStore(bare, registry, "lake");
      List<String> laneIds = IntStream.range(0, lanes).mapToObj(i -> "bench-" + i).toList();
      WalWriterSettings defaults = WalWriterSettings.defaults(laneIds);
      // Saturation shows as queueing, not as refusals: a longer deadline than the default 3 s.
      WalWriterSettings settings =
          new WalWriterSettings(
              laneIds,
              defaults.flushBytes(),
              defaults.flushInterval(),
              ACK_DEADLINE,
              defaults.maxInFlightBytes());
      writer = new WalWriter(store, WalSignal.LOGS, settings, lane -> 0, Clock.systemUTC());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
      writer.close();
      store.close();
      if (s3proxy != null) {
        s3proxy.stop();
      }
      if (folder != null) {
        try (var files = Files.walk(folder)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }

    Request request(long n) {
      return requests.get((int) (n % requests.size()));
    }

    double puts() {
      return registry
          .counter(MeteredObjectStore.REQUESTS, "store", "lake", "operation", "put-if-absent")
          .count();
    }

    double bytesWritten() {
      return registry.counter(MeteredObjectStore.BYTES_WRITTEN, "store", "lake").count();
    }
  }

  /** Rates reported next to the score: acknowledged rows, input bytes, PUTs, stored bytes. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Acked {
    public long rows;
    public long inputBytes;
    public double puts;
    public double storedBytes;
    public long failed;
    final ArrayDeque<CompletableFuture<Void>> window = new ArrayDeque<>();
    final ArrayDeque<Request> windowRequests = new ArrayDeque<>();
    double putsSeen;
    double bytesSeen;

    @Setup(Level.Iteration)
    public void reset(Wal wal) {
      rows = 0;
      inputBytes = 0;
      puts = 0;
      storedBytes = 0;
      failed = 0;
      putsSeen = wal.puts();
      bytesSeen = wal.bytesWritten();
    }
  }

  /** One request in, the oldest outstanding request acknowledged once the window is full. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public void pipelined(Wal wal, Acked acked) {
    long n = wal.ids.incrementAndGet();
    Request request = wal.request(n);
    acked.window.addLast(wal.writer.append(request.batch(n), request.inputBytes()));
    acked.windowRequests.addLast(request);
    if (acked.window.size() >= WINDOW_PER_LANE * wal.lanes) {
      Request done = acked.windowRequests.removeFirst();
      try {
        acked.window.removeFirst().join();
        acked.rows += done.rows().size();
        acked.inputBytes += done.inputBytes();
      } catch (CompletionException e) {
        acked.failed++;
      }
      double puts = wal.puts();
      double bytes = wal.bytesWritten();
      acked.puts += puts - acked.putsSeen;
      acked.storedBytes += bytes - acked.bytesSeen;
      acked.putsSeen = puts;
      acked.bytesSeen = bytes;
    }
  }

  /** One client's request, from append to acknowledgement; 4 such clients at once. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Threads(4)
  public void latency(Wal wal) {
    long n = wal.ids.incrementAndGet();
    Request request = wal.request(n);
    wal.writer.append(request.batch(n), request.inputBytes()).join();
  }

  /** The same rows encoded in memory as one segment of 16 MiB of input: no storage, one core. */
  @State(Scope.Benchmark)
  public static class Segment {
    final List<WalBatchRows> batches = new ArrayList<>();
    long rows;
    long inputBytes;
    final WalSegmentEncoder encoder =
        new WalSegmentEncoder(WalSignal.LOGS.table().schema(), WalSignal.LOGS.table().properties());

    @Setup(Level.Trial)
    public void setUp() {
      LoghubRows source = new LoghubRows();
      List<Request> requests = IntStream.range(0, 64).mapToObj(i -> source.request(ROWS)).toList();
      for (long n = 0; inputBytes < WalWriterSettings.DEFAULT_FLUSH_BYTES; n++) {
        Request request = requests.get((int) (n % requests.size()));
        batches.add(request.batch(n));
        rows += request.rows().size();
        inputBytes += request.inputBytes();
      }
    }
  }

  /** Rates of the encode-only limit: rows, input bytes and encoded bytes. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Encoded {
    public long rows;
    public long inputBytes;
    public long storedBytes;

    @Setup(Level.Iteration)
    public void reset() {
      rows = 0;
      inputBytes = 0;
      storedBytes = 0;
    }
  }

  /** Each call encodes ~60k rows (seconds on a cold JIT): a longer warm-up than the others. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Warmup(iterations = 3, time = 4)
  @Measurement(iterations = 2, time = 6)
  public void encodeOnly(Segment segment, Encoded encoded) {
    byte[] bytes =
        segment.encoder.encode(WalSegmentFooter.getDefaultInstance(), segment.batches).bytes();
    encoded.rows += segment.rows;
    encoded.inputBytes += segment.inputBytes;
    encoded.storedBytes += bytes.length;
  }
}
