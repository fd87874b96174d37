package io.icegate.bench.otlp;

import io.icegate.bench.Percentiles;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one {@link OtlpClient} with {@link OtlpPayloads}: up to {@code inflight} requests
 * outstanding, either as fast as acknowledgements come back (saturation, {@code rate} 0) or paced
 * to {@code rate} records per second. Only requests sent and acknowledged inside the measurement
 * window count. Latency runs from the moment a request was due (its scheduled time when paced, so
 * queueing behind a slow server counts; its send time when saturating) to its answer.
 */
public final class OtlpLoadGenerator {
  private final OtlpClient client;
  private final OtlpPayloads payloads;
  private final int inflight;
  private final long rate;

  public OtlpLoadGenerator(OtlpClient client, OtlpPayloads payloads, int inflight, long rate) {
    this.client = client;
    this.payloads = payloads;
    this.inflight = inflight;
    this.rate = rate;
  }

  /** What a window measured. */
  public record Window(
      long requests,
      long records,
      long failed,
      Map<String, Long> failures,
      long requestBytes,
      double seconds,
      long[] latencyNanos) {
    public double recordsPerSecond() {
      return records / seconds;
    }

    public double latencyMillis(double quantile) {
      return Percentiles.millis(Percentiles.sorted(latencyNanos), quantile);
    }
  }

  /**
   * Sends for {@code warmupSeconds}, then measures for {@code seconds}, then waits for every
   * outstanding request to be answered.
   */
  public Window run(long warmupSeconds, long seconds, AtomicLong sequence, Runnable windowStart) {
    Semaphore permits = new Semaphore(inflight);
    long start = System.nanoTime();
    long measureFrom = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
    long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
    long interval =
        rate > 0 ? Math.max(1, 1_000_000_000L * payloads.recordsPerRequest() / rate) : 0;
    LatencyLog latencies = new LatencyLog();
    AtomicLong requests = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Map<String, Long> failures = new ConcurrentHashMap<>();
    AtomicLong bytes = new AtomicLong();
    boolean started = false;
    for (long n = 0; ; n++) {
      long due = rate > 0 ? start + n * interval : System.nanoTime();
      if (rate > 0) {
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
      }
      long now = System.nanoTime();
      if (now >= measureTo) {
        break;
      }
      if (!started && now >= measureFrom) {
        started = true;
        windowStart.run();
      }
      permits.acquireUninterruptibly();
      byte[] body = payloads.send((int) (n % payloads.distinct()), sequence.incrementAndGet());
      long sent = rate > 0 ? due : System.nanoTime();
      boolean counted = sent >= measureFrom;
      client
          .send(body)
          .whenComplete(
              (failure, error) -> {
                long answered = System.nanoTime();
                permits.release();
                if (!counted || answered > measureTo) {
                  return;
                }
                if (error == null && failure == null) {
                  requests.incrementAndGet();
                  bytes.addAndGet(body.length);
                  latencies.add(answered - sent);
                } else {
                  failed.incrementAndGet();
                  failures.merge(error != null ? error.toString() : failure, 1L, Long::sum);
                }
              });
    }
    // Every request answered before the case ends: what was acknowledged is in the WAL.
    permits.acquireUninterruptibly(inflight);
    return new Window(
        requests.get(),
        requests.get() * payloads.recordsPerRequest(),
        failed.get(),
        Map.copyOf(failures),
        bytes.get(),
        seconds,
        latencies.toArray());
  }

  /** Latencies from many threads, kept compactly. */
  private static final class LatencyLog {
    private long[] values = new long[1 << 14];
    private int size;

    synchronized void add(long nanos) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = nanos;
    }

    synchronized long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
