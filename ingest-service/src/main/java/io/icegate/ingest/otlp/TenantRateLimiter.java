package io.icegate.ingest.otlp;

import io.icegate.lake.tenant.TenantId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-tenant ingest rate in decoded bytes per second: a token bucket per tenant that refills at the
 * configured rate up to the burst size. A request over the rate is refused as a whole (429 /
 * RESOURCE_EXHAUSTED) with the time until the bucket holds enough again.
 */
final class TenantRateLimiter {
  // Full buckets carry no state; past this many tenants they are forgotten, so hostile tenant
  // names cannot grow the map without bound.
  private static final int PRUNE_ABOVE = 10_000;

  private final double bytesPerNano;
  private final long burst;
  private final LongSupplier nanoClock;
  private final Map<TenantId, Bucket> buckets = new ConcurrentHashMap<>();

  TenantRateLimiter(long bytesPerSecond, long burstBytes, LongSupplier nanoClock) {
    this.bytesPerNano = bytesPerSecond / 1e9;
    this.burst = burstBytes;
    this.nanoClock = nanoClock;
  }

  /**
   * Takes {@code bytes} from the tenant's bucket.
   *
   * @return empty when allowed, else how long until the bucket would hold enough
   */
  Optional<Duration> tryAcquire(TenantId tenant, long bytes) {
    if (buckets.size() > PRUNE_ABOVE) {
      long now = nanoClock.getAsLong();
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
    // A request larger than the burst needs a full bucket, never more than one.
    long cost = Math.min(bytes, burst);
    return buckets.computeIfAbsent(tenant, ignored -> new Bucket()).take(cost);
  }

  private final class Bucket {
    private double tokens = burst;
    private long updated = nanoClock.getAsLong();

    synchronized Optional<Duration> take(long cost) {
      refill(nanoClock.getAsLong());
      if (tokens >= cost) {
        tokens -= cost;
        return Optional.empty();
      }
      long waitNanos = (long) Math.ceil((cost - tokens) / bytesPerNano);
      return Optional.of(Duration.ofNanos(waitNanos));
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= burst;
    }

    private void refill(long now) {
      if (now > updated) {
        tokens = Math.min(burst, tokens + (now - updated) * bytesPerNano);
        updated = now;
      }
    }
  }
}
